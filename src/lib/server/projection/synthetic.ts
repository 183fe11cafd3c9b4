/**
 * Synthetic household generator (seeded, deterministic) for tests, the benchmark and demos: known
 * recurring series (salary shifted before weekends and holidays, CAF, rent, energy with a missed month,
 * quarterly insurance, yearly tax, a subscription that stops, biweekly and weekly payments) mixed with
 * everyday spending that must not be taken for series.
 */
import { seededRandom } from '../random';
import type { IsoDate } from '$lib/dates';
import type { Cents } from '$lib/money';
import type { Cadence, RecurringTxInput } from './types';
import { BusinessCalendar, dayNumber, isoFromDayNumber, monthDay, civilFromDays } from './calendar';

export { seededRandom };

/** A series the generator planted, to score detection against. */
export interface PlantedSeries {
	payee: string;
	cadence: Cadence;
	category: string;
	/** true when the series stopped before the end of the history */
	ended: boolean;
}

export interface SyntheticHousehold {
	transactions: RecurringTxInput[];
	planted: PlantedSeries[];
	/** balance at the end of `to` (cents), consistent with the transactions from an opening balance */
	endBalance: Cents;
	openingBalance: Cents;
	from: IsoDate;
	to: IsoDate;
}

interface SeriesPlan {
	payee: string;
	label: string;
	category: string;
	cadence: Cadence;
	/** month-based: day of month; weekly/biweekly: first date offset */
	day: number;
	/** months of the year for quarterly/annual (1-12), first one used as start */
	startMonth?: number;
	shift: 'before' | 'after';
	amount: (k: number, rng: () => number, year: number) => Cents;
	endOffsetDays?: number;
	skip?: (k: number) => boolean;
}

const MONTHS_BY_CADENCE: Record<Cadence, number> = {
	weekly: 0,
	biweekly: 0,
	monthly: 1,
	bimonthly: 2,
	quarterly: 3,
	semiannual: 6,
	annual: 12
};

/**
 * Generates `years` of transactions ending on `to` for one account (id 1), with a seed.
 * Variation of the salary: ±3 %; groceries, bakery, restaurants and cash withdrawals at random days and amounts.
 */
export function generateHousehold(options: { seed?: number; years?: number; to?: IsoDate } = {}): SyntheticHousehold {
	const rng = seededRandom(options.seed ?? 42);
	const years = options.years ?? 2;
	const toDn = dayNumber(options.to ?? '2026-11-27');
	const { y: ty, m: tm } = civilFromDays(toDn);
	const fromDn = monthDay(ty - years, tm, 0, 1);
	const calendar = new BusinessCalendar();
	const txs: RecurringTxInput[] = [];
	let id = 1;
	const push = (dn: number, amount: Cents, label: string, payee: string | null, category: string) => {
		if (dn < fromDn || dn > toDn || amount === 0) return;
		txs.push({ id: id++, date: isoFromDayNumber(dn), amount, payee, normalisedLabel: label, category, accountId: 1 });
	};
	const vary = (base: number, pct: number) => Math.round(base * (1 + (rng() * 2 - 1) * pct));
	const endedOffset = 240;
	const plans: SeriesPlan[] = [
		{
			payee: 'ACME LOGISTIQUE',
			label: 'VIR SEPA RECU ACME LOGISTIQUE SALAIRE',
			category: 'income.salary',
			cadence: 'monthly',
			day: 28,
			shift: 'before',
			amount: (_k, r, y) => Math.round((185000 + (y - 2016) * 2000) * (1 + (r() * 2 - 1) * 0.03))
		},
		{
			payee: 'CAF GIRONDE',
			label: 'VIR CAF DE LA GIRONDE PRESTATIONS',
			category: 'income.family_benefits',
			cadence: 'monthly',
			day: 5,
			shift: 'before',
			amount: () => 31042
		},
		{
			payee: 'FONCIA',
			label: 'PRLV SEPA FONCIA LOYER',
			category: 'housing.rent',
			cadence: 'monthly',
			day: 3,
			shift: 'after',
			amount: (_k, _r, y) => -(62000 + (y - 2016) * 1200)
		},
		{
			payee: 'EDF',
			label: 'PRLV SEPA EDF CLIENTS PARTICULIERS',
			category: 'housing.energy',
			cadence: 'monthly',
			day: 12,
			shift: 'after',
			amount: () => -8900,
			skip: (k) => k % 17 === 9
		},
		{
			payee: 'FREE MOBILE',
			label: 'PRLV SEPA FREE MOBILE',
			category: 'fixed.telecom',
			cadence: 'monthly',
			day: 20,
			shift: 'after',
			amount: () => -1999
		},
		{
			payee: 'COFIDIS',
			label: 'PRLV SEPA COFIDIS ECHEANCE',
			category: 'credit.consumer',
			cadence: 'monthly',
			day: 8,
			shift: 'after',
			amount: () => -12350
		},
		{
			payee: 'MAAF ASSURANCES',
			label: 'PRLV SEPA MAAF ASSURANCES',
			category: 'housing.insurance',
			cadence: 'quarterly',
			day: 15,
			startMonth: 1,
			shift: 'after',
			amount: () => -12345
		},
		{
			payee: 'DGFIP',
			label: 'PRLV SEPA DGFIP TAXE FONCIERE',
			category: 'fixed.taxes',
			cadence: 'annual',
			day: 15,
			startMonth: 10,
			shift: 'after',
			amount: (_k, r) => -Math.round(81200 * (1 + (r() * 2 - 1) * 0.02))
		},
		{
			payee: 'BASIC FIT',
			label: 'PRLV SEPA BASIC FIT',
			category: 'fixed.subscriptions',
			cadence: 'monthly',
			day: 4,
			shift: 'after',
			amount: () => -2990,
			endOffsetDays: endedOffset
		},
		{
			payee: 'CRECHE LES LUTINS',
			label: 'PRLV SEPA CRECHE LES LUTINS',
			category: 'fixed.childcare_school',
			cadence: 'biweekly',
			day: 4,
			shift: 'after',
			amount: () => -9500
		},
		{
			payee: 'AMAP DU QUARTIER',
			label: 'PRLV AMAP DU QUARTIER PANIER',
			category: 'daily.groceries',
			cadence: 'weekly',
			day: 1,
			shift: 'after',
			amount: () => -1500
		}
	];
	const planted: PlantedSeries[] = [];
	for (const p of plans) {
		planted.push({ payee: p.payee, cadence: p.cadence, category: p.category, ended: p.endOffsetDays !== undefined });
		const months = MONTHS_BY_CADENCE[p.cadence];
		const end = p.endOffsetDays !== undefined ? toDn - p.endOffsetDays : toDn;
		for (let k = 0; ; k++) {
			let nominal: number;
			if (months === 0) {
				nominal = fromDn + p.day + k * (p.cadence === 'weekly' ? 7 : 14);
			} else {
				const startMonth = p.startMonth ?? tm;
				nominal = monthDay(ty - years - 1, startMonth, k * months, p.day);
			}
			if (nominal > end) break;
			if (nominal < fromDn) continue;
			if (p.skip?.(k)) continue;
			const booked = calendar.shift(nominal, p.shift);
			push(booked, p.amount(k, rng, civilFromDays(nominal).y), p.label, p.payee, p.category);
		}
	}
	// everyday spending: habits, not series
	for (let dn = fromDn; dn <= toDn; dn++) {
		if (rng() < 0.35) push(dn, -vary(5500, 0.75), 'CB CARREFOUR MARKET', 'CARREFOUR MARKET', 'daily.groceries');
		if (rng() < 0.15) push(dn, -vary(4000, 0.6), 'CB LIDL', 'LIDL', 'daily.groceries');
		if (rng() < 0.5) push(dn, -vary(450, 0.6), 'CB BOULANGERIE DU PORT', 'BOULANGERIE DU PORT', 'daily.groceries');
		if (rng() < 0.06) push(dn, -[2000, 4000, 5000][Math.floor(rng() * 3)], 'RETRAIT DAB', null, 'daily.cash');
		if (rng() < 0.05) push(dn, -vary(2500, 0.5), 'CB PIZZA ROMA', 'PIZZA ROMA', 'daily.restaurants');
		if (rng() < 0.08) push(dn, -vary(4500, 0.3), 'CB TOTAL ENERGIES STATION', 'TOTAL STATION', 'daily.transport');
		if (rng() < 0.02) push(dn, -vary(1800, 0.5), 'CB PHARMACIE CENTRALE', 'PHARMACIE CENTRALE', 'daily.health');
	}
	txs.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
	const openingBalance = 50000;
	let endBalance = openingBalance;
	for (const t of txs) endBalance += t.amount;
	return {
		transactions: txs,
		planted,
		openingBalance,
		endBalance,
		from: isoFromDayNumber(fromDn),
		to: isoFromDayNumber(toDn)
	};
}
