/**
 * A panel of synthetic households for scoring the recurring detector and the projection (`npm run bench`,
 * tests): seeded and deterministic, written apart from the engines it scores and never tuned against
 * them. Each household mixes patterns seen on real French statements — salaries and benefits whose label
 * names the month, loans with counters and references, irregular temp-work and freelance income, a CAF
 * payment suspended one month, a deferred debit card settled once a month, subscriptions that stop or
 * skip a month, yearly bills varying up to 10 %, overdrafts with fees — and says which series it planted.
 */
import { seededRandom } from '../random';
import type { IsoDate } from '$lib/dates';
import type { Cents } from '$lib/money';
import type { Cadence, RecurringTxInput } from './types';
import { BusinessCalendar, civilFromDays, dayNumber, daysInMonth, isoFromDayNumber, monthDay } from './calendar';
import { ARCHETYPES, type PanelSpec } from './synthetic-panel-archetypes';

/** A series the generator planted: the ground truth for precision and recall. */
export interface PlantedPanelSeries {
	name: string;
	cadence: Cadence;
	/** true when it stopped at least two periods before the end of the data */
	ended: boolean;
	/** the transactions it produced */
	txIds: number[];
}

export interface PanelHousehold {
	id: string;
	name: string;
	/** the archetype it was built from */
	pattern: string;
	txs: RecurringTxInput[];
	/** balance at the end of the last day of data (cents) */
	balance: { date: IsoDate; balance: Cents };
	planted: PlantedPanelSeries[];
}

const MONTHS_FR = [
	'JANVIER',
	'FEVRIER',
	'MARS',
	'AVRIL',
	'MAI',
	'JUIN',
	'JUILLET',
	'AOUT',
	'SEPTEMBRE',
	'OCTOBRE',
	'NOVEMBRE',
	'DECEMBRE'
];
const MONTHS_EN = [
	'JANUARY',
	'FEBRUARY',
	'MARCH',
	'APRIL',
	'MAY',
	'JUNE',
	'JULY',
	'AUGUST',
	'SEPTEMBER',
	'OCTOBER',
	'NOVEMBER',
	'DECEMBER'
];

/** What a label template may use: the occurrence's date and index, and the household's random source. */
export interface LabelContext {
	y: number;
	/** 1-12 */
	m: number;
	d: number;
	/** 0-based occurrence index */
	k: number;
	rng: () => number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Label fragments banks print and that change at every occurrence. */
export const LABEL_PARTS = {
	monthFr: (c: LabelContext) => `${MONTHS_FR[c.m - 1]} ${c.y}`,
	monthFrShort: (c: LabelContext) => `${MONTHS_FR[c.m - 1].slice(0, 4)} ${String(c.y).slice(2)}`,
	monthEn: (c: LabelContext) => `${MONTHS_EN[c.m - 1]} ${c.y}`,
	echeance: (c: LabelContext) => `ECHEANCE ${pad(c.m)}/${c.y}`,
	counter: (c: LabelContext, total: number) => `ECH ${c.k + 1}/${total}`,
	date: (c: LabelContext) => `DU ${pad(c.d)}/${pad(c.m)}/${String(c.y).slice(2)}`,
	ref: (c: LabelContext) =>
		`REF ${Math.floor(c.rng() * 1e10)
			.toString(36)
			.toUpperCase()}${c.k}`,
	period: (c: LabelContext) => `${pad(c.m)}${c.y}`
};

interface Builder {
	rng: () => number;
	calendar: BusinessCalendar;
	fromDn: number;
	toDn: number;
	txs: RecurringTxInput[];
	nextId: () => number;
}

function push(
	b: Builder,
	dn: number,
	amount: Cents,
	label: string,
	payee: string | null,
	category: string
): number | null {
	if (dn < b.fromDn || dn > b.toDn || amount === 0) return null;
	const id = b.nextId();
	b.txs.push({ id, date: isoFromDayNumber(dn), amount, payee, normalisedLabel: label, category, accountId: 1 });
	return id;
}

const STEP_MONTHS: Record<Cadence, number> = {
	weekly: 0,
	biweekly: 0,
	monthly: 1,
	bimonthly: 2,
	quarterly: 3,
	semiannual: 6,
	annual: 12
};

/** Plants the household's fixed series; returns the ground truth. */
function plantSeries(b: Builder, spec: PanelSpec): PlantedPanelSeries[] {
	const out: PlantedPanelSeries[] = [];
	for (const s of spec.series) {
		const ids: number[] = [];
		const months = STEP_MONTHS[s.cadence];
		const start = s.startDn ?? b.fromDn;
		const end = s.endDn ?? b.toDn;
		let lastDn = -Infinity;
		for (let k = 0; k < 400; k++) {
			let nominal: number;
			if (months === 0) nominal = start + s.day + k * (s.cadence === 'weekly' ? 7 : 14);
			else {
				const { y, m } = civilFromDays(start);
				nominal = monthDay(y, m, k * months, s.day);
			}
			if (nominal > end || nominal > b.toDn) break;
			if (nominal < start || s.skip?.includes(k)) continue;
			const booked = b.calendar.shift(nominal, s.shift);
			const { y, m, d } = civilFromDays(booked);
			const c: LabelContext = { y, m, d, k, rng: b.rng };
			const amount = s.amount(k, b.rng);
			const id = push(b, booked, amount, s.label(c), s.payee?.(c) ?? null, s.category);
			if (id !== null) {
				ids.push(id);
				lastDn = booked;
			}
		}
		const periodDays = months === 0 ? (s.cadence === 'weekly' ? 7 : 14) : months * 30.44;
		out.push({ name: s.name, cadence: s.cadence, ended: b.toDn - lastDn > 2 * periodDays + 5, txIds: ids });
	}
	return out;
}

/** Irregular income (temp work, invoices): some months nothing, amounts and days vary widely. */
function plantIrregular(b: Builder, spec: PanelSpec): void {
	for (const src of spec.irregular) {
		const { y: fy, m: fm } = civilFromDays(b.fromDn);
		for (let i = 0; ; i++) {
			const first = monthDay(fy, fm, i, 1);
			if (first > b.toDn) break;
			for (let p = 0; p < src.perMonth; p++) {
				if (b.rng() >= src.probability) continue;
				const { y, m } = civilFromDays(first);
				const day = Math.max(1, Math.min(daysInMonth(y, m), Math.round(src.day + (b.rng() * 2 - 1) * src.daySpread)));
				const dn = b.calendar.shift(monthDay(y, m, 0, day), 'before');
				const amount = Math.round(src.amount * (1 + (b.rng() * 2 - 1) * src.jitter));
				const c: LabelContext = { y, m, d: day, k: i, rng: b.rng };
				push(b, dn, amount, src.label(c), src.payee, src.category);
			}
		}
	}
}

/** Card and cash spending; with a deferred card, purchases are settled in one debit at the month's end. */
function plantSpending(b: Builder, spec: PanelSpec): void {
	const deferred = new Map<number, number>();
	for (let dn = b.fromDn; dn <= b.toDn; dn++) {
		const { y, m, d } = civilFromDays(dn);
		const season = m === 12 ? 1.25 : m === 8 ? 1.1 : 1;
		for (const shop of spec.shops) {
			if (b.rng() >= shop.perDay) continue;
			const amount = -Math.max(100, Math.round(shop.amount * season * (0.3 + b.rng() * 1.4)));
			const label = `${shop.prefix ?? 'CB'} ${shop.label} ${pad(d)}/${pad(m)}`;
			const key = y * 12 + m;
			if (spec.deferredCard && shop.card !== false) deferred.set(key, (deferred.get(key) ?? 0) + amount);
			else push(b, dn, amount, label, shop.payee, shop.category);
		}
		if (b.rng() < spec.oneOffPerDay) {
			const amount = -Math.round((20000 + b.rng() * 60000) * (spec.oneOffScale ?? 1));
			push(
				b,
				dn,
				amount,
				`CB ${['DARTY', 'BOULANGER', 'IKEA', 'SNCF VOYAGES'][Math.floor(b.rng() * 4)]} ${pad(d)}/${pad(m)}`,
				null,
				'daily.household'
			);
		}
		if (b.rng() < spec.transfersPerDay) {
			const amount = Math.round((b.rng() < 0.5 ? -1 : 1) * (2000 + b.rng() * 15000));
			push(
				b,
				dn,
				amount,
				`VIR ${amount > 0 ? 'DE' : 'A'} M OU MME ${['DUBOIS', 'LEROY', 'MOREL'][Math.floor(b.rng() * 3)]}`,
				null,
				'transfer.other'
			);
		}
		if (spec.deferredCard && d === daysInMonth(y, m)) {
			const total = deferred.get(y * 12 + m) ?? 0;
			const settle = b.calendar.shift(dn, 'before');
			const label = `FACTURE CARTE DU ${pad(d)}${pad(m)}${String(y).slice(2)} CARTE 4974XXXXXXXX${spec.deferredCard}`;
			push(b, settle, total, label, null, 'uncategorised');
		}
	}
}

/** Incident fees after a debit leaves the balance below the authorised overdraft. */
function plantIncidents(b: Builder, spec: PanelSpec, opening: Cents): void {
	if (spec.incidents === undefined) return;
	b.txs.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.id < y.id ? -1 : 1));
	let balance = opening;
	const fees: RecurringTxInput[] = [];
	// at most 10 commissions d'intervention a month (80 €, the legal monthly cap)
	const perMonth = new Map<string, number>();
	for (const t of b.txs) {
		balance += t.amount;
		const month = t.date.slice(0, 7);
		if (t.amount < 0 && balance < -spec.incidents && (perMonth.get(month) ?? 0) < 10 && b.rng() < 0.6) {
			perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
			const dn = dayNumber(t.date) + 1;
			if (dn > b.toDn) continue;
			const fee = { ...t, id: b.nextId(), date: isoFromDayNumber(dn), amount: -800 };
			fees.push({ ...fee, normalisedLabel: 'COMMISSION D INTERVENTION', payee: null, category: 'bank.incident_fees' });
			balance -= 800;
		}
	}
	b.txs.push(...fees);
}

const PER_MONTH: Record<Cadence, number> = {
	weekly: 52 / 12,
	biweekly: 26 / 12,
	monthly: 1,
	bimonthly: 0.5,
	quarterly: 1 / 3,
	semiannual: 1 / 6,
	annual: 1 / 12
};

/**
 * Scales card spending so that a household spends about what it has left after its series and usual
 * income (80 % to 100 %): households in difficulty hover around zero instead of drifting for ever.
 */
function fitSpending(spec: PanelSpec, rng: () => number, fromDn: number, toDn: number): PanelSpec {
	const probe = seededRandom(1);
	let left = 0;
	for (const s of spec.series) {
		const active =
			Math.max(0, Math.min(toDn, s.endDn ?? toDn) - Math.max(fromDn, s.startDn ?? fromDn)) / (toDn - fromDn);
		left += s.amount(0, probe) * PER_MONTH[s.cadence] * active;
	}
	for (const i of spec.irregular) left += i.amount * i.probability * i.perMonth;
	const usual = spec.shops.reduce((a, sh) => a + sh.amount * sh.perDay * 30.44, 0) + spec.oneOffPerDay * 50000 * 30.44;
	const budget = Math.max(15000, left * (0.8 + rng() * 0.2));
	const factor = budget / usual;
	return {
		...spec,
		oneOffScale: factor,
		shops: spec.shops.map((sh) => ({ ...sh, amount: Math.max(150, Math.round(sh.amount * factor)) }))
	};
}

/** One household of the panel from its archetype and seed. */
export function generatePanelHousehold(index: number, seed: number, to: IsoDate): PanelHousehold {
	const rng = seededRandom(seed * 7919 + index);
	const archetype = ARCHETYPES[index % ARCHETYPES.length];
	const toDn = dayNumber(to);
	const { y, m } = civilFromDays(toDn);
	const months = 14 + Math.floor(rng() * 13);
	const fromDn = monthDay(y, m, -months, 1 + Math.floor(rng() * 3));
	let id = 1;
	const b: Builder = { rng, calendar: new BusinessCalendar(), fromDn, toDn, txs: [], nextId: () => id++ };
	const spec = fitSpending(archetype.build({ rng, fromDn, toDn, parts: LABEL_PARTS }), rng, fromDn, toDn);
	const planted = plantSeries(b, spec);
	plantIrregular(b, spec);
	plantSpending(b, spec);
	plantIncidents(b, spec, spec.openingBalance);
	b.txs.sort((a, c) => (a.date < c.date ? -1 : a.date > c.date ? 1 : (a.id as number) - (c.id as number)));
	const balance = b.txs.reduce((s, t) => s + t.amount, spec.openingBalance);
	return {
		id: `synth-${index + 1}`,
		name: `${archetype.name} #${Math.floor(index / ARCHETYPES.length) + 1}`,
		pattern: archetype.name,
		txs: b.txs,
		balance: { date: to, balance },
		planted: planted.filter((p) => p.txIds.length > 0)
	};
}

/** The panel: `count` households (24 by default, two of each archetype), data ending on `to`. */
export function generatePanel(options: { seed?: number; count?: number; to?: IsoDate } = {}): PanelHousehold[] {
	const count = options.count ?? ARCHETYPES.length * 2;
	const seed = options.seed ?? 20261202;
	return Array.from({ length: count }, (_, i) => generatePanelHousehold(i, seed, options.to ?? '2026-11-30'));
}
