/**
 * Shared helpers of the benefit rules: a parameter reader that records what it cites, household facts
 * (ages, composition, incomes) and the rounding conventions.
 *
 * Rounding (documented once, applied everywhere): every published amount (a forfait for a household size,
 * a share of the BMAF, a forfait logement, a bonification) is rounded half-up to the cent, as the CAF
 * publishes them; the benefit is then the difference of these rounded amounts. The CRDS-net amount is
 * gross × (1 − 0.5 %) rounded half-up to the cent. Housing aid follows its own rule (D823-16 and the
 * arrêté of 27/09/2019): resources rounded up to the next 100 €, RL expressed as a percentage rounded to
 * two decimals, no other intermediate rounding, and the net rounded to the cent at the very end.
 */
import Decimal from 'decimal.js';
import { formatDateFr, type IsoDate } from '$lib/dates';
import { centsToDecimal } from '$lib/money';
import { parameterMinValue, parameterValue, parameterVersionAt, UNKNOWN_START } from './parameters';
import type {
	BenefitParameter,
	BenefitStatus,
	CitedParameter,
	Household,
	IncomeCents,
	IncomeKey,
	Member
} from './types';
import { INCOME_KEYS } from './types';

export const ZERO = new Decimal(0);

/** Half-up to the cent (euros in, euros out). */
export function roundEur(d: Decimal): Decimal {
	return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * "1 234,56 €" for a Decimal amount of euros: the same text as formatEur of $lib/money (narrow no-break
 * space between thousands, no-break space before €), written without Intl because reasons format
 * hundreds of amounts per household.
 */
export function eur(d: Decimal): string {
	const fixed = d.toFixed(2, Decimal.ROUND_HALF_UP);
	const negative = fixed.charCodeAt(0) === 45 && fixed !== '-0.00';
	const body = fixed.charCodeAt(0) === 45 ? fixed.slice(1) : fixed;
	const dot = body.length - 3;
	let int = body.slice(0, dot);
	let grouped = '';
	while (int.length > 3) {
		grouped = `\u202f${int.slice(-3)}${grouped}`;
		int = int.slice(0, -3);
	}
	return `${negative ? '-' : ''}${int}${grouped},${body.slice(dot + 1)}\u00a0€`;
}

/** "0,5985" — a rate written the French way. */
export function frNumber(d: Decimal): string {
	return d.toString().replace('.', ',');
}

/** Reads parameters at the evaluation month and remembers which versions it used. */
export class ParamReader {
	private cited = new Map<BenefitParameter, CitedParameter>();
	constructor(
		readonly params: readonly BenefitParameter[],
		readonly month: string
	) {}

	/** Value of `key` in force at the month (or at `at`, `YYYY-MM` or IsoDate). */
	get(key: string, at?: string): Decimal {
		const v = parameterVersionAt(this.params, key, at ?? this.month);
		if (!this.cited.has(v)) {
			this.cited.set(v, {
				key: v.key,
				value: v.value,
				effectiveFrom: v.effectiveFrom,
				effectiveTo: v.effectiveTo ?? null,
				source: v.source
			});
		}
		return parameterValue(v);
	}

	/** Integer parameter (ages, counts). */
	int(key: string, at?: string): number {
		return this.get(key, at).toNumber();
	}

	/** "Montant forfaitaire du RSA (1 personne) : 651,69 € (en vigueur depuis le 01/04/2026)". */
	cite(key: string, at?: string): string {
		const v = parameterVersionAt(this.params, key, at ?? this.month);
		const d = this.get(key, at);
		const value =
			v.unit === 'eur'
				? eur(d)
				: v.unit === 'eur_year'
					? `${eur(d)} par an`
					: v.unit === 'rate'
						? frNumber(d)
						: d.toString();
		const since =
			v.effectiveFrom === UNKNOWN_START ? 'valeur en vigueur' : `en vigueur depuis le ${formatDateFr(v.effectiveFrom)}`;
		return `${v.label} : ${value} (${since})`;
	}

	minValue(key: string): Decimal {
		return parameterMinValue(this.params, key);
	}

	/** The parameters used so far. */
	citations(): CitedParameter[] {
		return [...this.cited.values()];
	}
}

/** Whole years between `birth` and `date` (IsoDates). */
export function ageAt(birth: IsoDate, date: IsoDate): number {
	const years = Number(date.slice(0, 4)) - Number(birth.slice(0, 4));
	return date.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** The date (possibly 29 February of a common year, fine for comparisons) of the `years`-th birthday. */
export function birthdayAt(birth: IsoDate, years: number): IsoDate {
	return `${String(Number(birth.slice(0, 4)) + years).padStart(4, '0')}${birth.slice(4)}`;
}

/** First day of the month `months` before `month` (YYYY-MM). */
export function monthsBefore(month: string, months: number): string {
	const y = Number(month.slice(0, 4));
	const m = Number(month.slice(5, 7)) - 1 - months;
	const yy = y + Math.floor(m / 12);
	const mm = ((m % 12) + 12) % 12;
	return `${yy}-${String(mm + 1).padStart(2, '0')}`;
}

/** Composition and income facts of a validated household. */
export class Facts {
	readonly adults: Member[];
	readonly children: Member[];
	readonly others: Member[];
	readonly applicant: Member;
	readonly partner: Member | null;
	constructor(readonly h: Household) {
		this.adults = h.members.filter((m) => m.role === 'applicant' || m.role === 'partner');
		this.children = h.members.filter((m) => m.role === 'child');
		this.others = h.members.filter((m) => m.role === 'other');
		const applicant = h.members.find((m) => m.role === 'applicant');
		if (!applicant) throw new Error('profil sans demandeur');
		this.applicant = applicant;
		this.partner = h.members.find((m) => m.role === 'partner') ?? null;
	}

	get couple(): boolean {
		return this.partner !== null;
	}

	get singleParent(): boolean {
		return !this.couple && this.children.length > 0;
	}

	/** Adults + children (the RSA/CAF household). */
	get size(): number {
		return this.adults.length + this.children.length;
	}

	age(m: Member, at: IsoDate = this.h.refDate): number | null {
		return m.birthDate ? ageAt(m.birthDate, at) : null;
	}

	/** Children whose age at the reference date is in [min, max) (unknown ages are returned apart). */
	childrenAged(
		min: number,
		maxExclusive: number,
		at: IsoDate = this.h.refDate
	): { known: Member[]; unknown: Member[] } {
		const known: Member[] = [];
		const unknown: Member[] = [];
		for (const c of this.children) {
			const a = this.age(c, at);
			if (a === null) unknown.push(c);
			else if (a >= min && a < maxExclusive) known.push(c);
		}
		return { known, unknown };
	}

	/** Adults whose income object is missing. */
	get adultsWithUnknownIncome(): Member[] {
		return this.adults.filter((m) => m.income === null);
	}

	/** Monthly income of a member for the given sources, Decimal euros (0 when unknown). */
	income(m: Member, keys: readonly IncomeKey[]): Decimal {
		const inc: IncomeCents | null = m.income;
		if (!inc) return ZERO;
		return keys.reduce((s, k) => s.plus(centsToDecimal(inc[k])), ZERO);
	}

	/** Sum over adults of the given monthly sources. */
	adultsIncome(keys: readonly IncomeKey[]): Decimal {
		return this.adults.reduce((s, m) => s.plus(this.income(m, keys)), ZERO);
	}

	/** Sum over every member of the given monthly sources. */
	allIncome(keys: readonly IncomeKey[]): Decimal {
		return this.h.members.reduce((s, m) => s.plus(this.income(m, keys)), ZERO);
	}

	/** Earned income (salary + self-employment) of a member, monthly. */
	earnings(m: Member): Decimal {
		return this.income(m, EARNED);
	}

	isStudent(m: Member): boolean {
		return m.student === true || m.activity === 'student';
	}

	/** Both adults of a couple have earnings, or a single parent (CF/PAJE ceiling bonus). */
	get dualEarnerOrSingleParent(): boolean {
		if (!this.couple) return this.children.length > 0;
		return this.adults.every((m) => this.earnings(m).gt(0));
	}

	pregnant(): boolean {
		return this.adults.some((m) => m.pregnant === true);
	}
}

export const EARNED: readonly IncomeKey[] = ['salary', 'selfEmployed'];
export const ALL_INCOME: readonly IncomeKey[] = INCOME_KEYS;
export const NON_EARNED: readonly IncomeKey[] = ALL_INCOME.filter((k) => !EARNED.includes(k));

/** Household coefficient t(n) of the RSA/PPA/prime de Noël: 1 / 1.5 / 1.8 / 2.1 (couple) or 2.2 / +0.4. */
export function householdCoefficient(r: ParamReader, persons: number, couple: boolean): Decimal {
	let t = new Decimal(1);
	if (persons >= 2) t = t.plus(r.get('rsa.maj.second_person'));
	if (persons >= 3) t = t.plus(r.get('rsa.maj.third_person'));
	if (persons >= 4) t = t.plus(couple ? r.get('rsa.maj.fourth_person_couple') : r.get('rsa.maj.further_person'));
	if (persons >= 5) t = t.plus(r.get('rsa.maj.further_person').times(persons - 4));
	return t;
}

/** Forfait logement of the RSA/PPA for a base amount: 12 % / 16 % × 1.5 / 16.5 % × 1.8 of the base, rounded. */
export function forfaitLogement(r: ParamReader, base: Decimal, persons: number): Decimal {
	if (persons <= 1) return roundEur(base.times(r.get('rsa.fl.rate_1p')));
	if (persons === 2) return roundEur(base.times(r.get('rsa.fl.mult_2p')).times(r.get('rsa.fl.rate_2p')));
	return roundEur(base.times(r.get('rsa.fl.mult_3p')).times(r.get('rsa.fl.rate_3p')));
}

/** What a rule computes before the engine applies received/evidence overrides. */
export interface Draft {
	status: BenefitStatus;
	/** Amount actually paid (after CRDS where it applies), euros; null when no estimate. */
	amount: Decimal | null;
	/** Before CRDS, when CRDS applies. */
	gross?: Decimal | null;
	reasons: string[];
	questions: string[];
	participation?: Decimal;
	interim?: boolean;
	/** The household's sentence (plain.ts): why this result, or which condition fails. */
	plain?: string;
}

export function draft(
	status: BenefitStatus,
	amount: Decimal | null,
	reasons: string[],
	questions: string[] = []
): Draft {
	return { status, amount, reasons, questions };
}

/** Net of CRDS: gross × (1 − crds.rate), rounded half-up to the cent. */
export function afterCrds(r: ParamReader, gross: Decimal): Decimal {
	return roundEur(gross.times(new Decimal(1).minus(r.get('crds.rate'))));
}

/** True when the draft means the benefit is (or would be, after claiming) paid. */
export function counts(d: Draft | undefined): boolean {
	return !!d && (d.status === 'eligible' || d.status === 'received' || d.status === 'info') && d.amount !== null;
}
