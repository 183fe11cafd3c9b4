/**
 * The caseload's words and choices, without the database: the query-string filters (so the page works
 * without JavaScript), the reasons a household needs the adviser now, written as a person would
 * ("découvert depuis 12 jours, 320 € de frais en novembre"), and the orders of the list (the filters are
 * conditions in SQL: caseload-query).
 */
import { addDaysIso, formatDateFr, type IsoDate } from '$lib/dates';
import { formatEur, type Cents } from '$lib/money';
import { plural } from '$lib/words';
import { dayNumber } from '../projection/calendar';
import type { StoredSignal } from './caseload-status';

export const LEVELS = ['ok', 'watch', 'fragile', 'high', 'critical'] as const;
export type CaseloadLevel = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<CaseloadLevel, string> = {
	ok: 'Rien à signaler',
	watch: 'À surveiller',
	fragile: 'Fragile',
	high: 'Élevé',
	critical: 'Critique'
};
export const SORTS = ['priority', 'level', 'overdraft', 'fees', 'benefits', 'import', 'appointment', 'name'] as const;
export type CaseloadSort = (typeof SORTS)[number];
export const SORT_LABELS: Record<CaseloadSort, string> = {
	priority: 'Urgence',
	level: 'Niveau de fragilité',
	overdraft: 'Découvert',
	fees: "Frais d'incidents",
	benefits: 'Droits à demander',
	import: 'Jours sans import',
	appointment: 'Prochain rendez-vous',
	name: 'Nom'
};
/** Days without an import after which the household is on "Cette semaine". */
export const STALE_IMPORT_DAYS = 30;
/** A projected overdraft within this many days puts the household on "Cette semaine". */
export const OVERDRAFT_SOON_DAYS = 14;

export interface CaseloadFilters {
	view: 'week' | 'all';
	q: string;
	/** minimum level */
	level: CaseloadLevel | null;
	signal: string | null;
	overdraft: boolean;
	fees: boolean;
	benefits: boolean;
	/** at least this many days since the last import */
	staleDays: number | null;
	/** a team view: one adviser's households */
	adviser: number | null;
	sort: CaseloadSort;
}

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | null {
	return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function positive(value: string | null): number | null {
	if (value === null || !/^\d{1,5}$/.test(value.trim())) return null;
	const n = Number(value);
	return n > 0 ? n : null;
}

/** The filters of the query string; anything unknown is ignored (a bookmarked URL never breaks the page). */
export function parseCaseloadQuery(params: URLSearchParams): CaseloadFilters {
	const flag = (name: string) => params.get(name) === '1' || params.get(name) === 'on';
	return {
		view: params.get('vue') === 'tous' ? 'all' : 'week',
		q: (params.get('q') ?? '').trim().slice(0, 100),
		level: pick(params.get('niveau'), LEVELS),
		signal: /^[A-Za-z0-9_]{1,40}$/.test(params.get('signal') ?? '') ? params.get('signal') : null,
		overdraft: flag('decouvert'),
		fees: flag('frais'),
		benefits: flag('droits'),
		staleDays: positive(params.get('sansimport')),
		adviser: positive(params.get('conseiller')),
		sort: pick(params.get('tri'), SORTS) ?? 'priority'
	};
}

/** What the caseload knows of one household (the stored row, read as it is). */
export interface CaseloadFacts {
	id: number;
	name: string;
	situation: string | null;
	consent: boolean;
	members: number;
	adviser: { id: number; name: string } | null;
	/** null when no figures are stored yet (nothing imported, or no consent) */
	level: CaseloadLevel | null;
	regulatoryFragile: boolean;
	signals: StoredSignal[];
	balance: Cents | null;
	overdrawnSince: IsoDate | null;
	firstOverdraft: IsoDate | null;
	feesMonth: string | null;
	feesMonthAmount: Cents;
	fees3m: Cents;
	rejected3m: number;
	benefitsCount: number;
	benefitsYearly: Cents;
	missingIncome: boolean;
	lastImportAt: string | null;
	/** the action plan's open actions the household sees, and what they are worth (cents a month, once) */
	plan: { open: number; monthly: Cents; oneOff: Cents };
	/** the next appointment, call or visit of the case file (nextAppointments) */
	nextAppointment: { date: IsoDate; kind: string } | null;
	/** agreed next steps of the case file past their due date */
	overdueSteps: number;
}

export interface CaseloadEntry extends CaseloadFacts {
	daysSinceImport: number | null;
	daysOverdrawn: number | null;
	/** reasons in plain French, the most pressing first */
	reasons: string[];
	/** on "Cette semaine" */
	needsAttention: boolean;
}

const MONTHS = [
	'janvier',
	'février',
	'mars',
	'avril',
	'mai',
	'juin',
	'juillet',
	'août',
	'septembre',
	'octobre',
	'novembre',
	'décembre'
];

/** Days from `from` to `to` (ISO dates). */
export function days(from: IsoDate, to: IsoDate): number {
	return dayNumber(to) - dayNumber(from);
}

/** An appointment within this many days puts the household on "Cette semaine" (to prepare it). */
export const APPOINTMENT_SOON_DAYS = 7;
/** Signals already said by their own reason (overdraft days, the month's fees). */
const SHOWN_APART = new Set(['F7_incident_fees', 'F8_overdraft']);
/** Signals of the household's situation rather than of an event: they give the level, not "cette semaine". */
const STANDING = new Set([
	'F4_file_registration',
	'F10_low_resources',
	'F12_reste_a_vivre',
	'F13_debt_ratio',
	'F15_housing_effort'
]);
/** The levels of a signal worth a reason. */
const SERIOUS: readonly StoredSignal['level'][] = ['fragile', 'high', 'critical'];
/** A signal puts the household on "Cette semaine" when it has one of these levels and none of these ids. */
export const PRESSING_SIGNAL = { levels: SERIOUS, notIds: [...SHOWN_APART, ...STANDING] } as const;
const APPOINTMENT_WORDS: Record<string, string> = { rdv: 'RDV', telephone: 'appel prévu', visite: 'visite' };
const weekday = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone: 'UTC' });

/** "RDV aujourd’hui", "appel prévu jeudi 10/12", "visite le 12/01/2027". */
function appointmentReason(a: { date: IsoDate; kind: string }, asOf: IsoDate): string {
	const word = APPOINTMENT_WORDS[a.kind] ?? 'RDV';
	const d = days(asOf, a.date);
	if (d === 0) return `${word} aujourd’hui`;
	if (d === 1) return `${word} demain`;
	if (d <= APPOINTMENT_SOON_DAYS)
		return `${word} ${weekday.format(new Date(`${a.date}T12:00:00Z`))} ${formatDateFr(a.date).slice(0, 5)}`;
	return `${word} le ${formatDateFr(a.date)}`;
}

/** The reasons, and whether they are pressing (a benefit to claim alone can wait for the next appointment). */
export function caseloadEntry(f: CaseloadFacts, asOf: IsoDate): CaseloadEntry {
	const daysSinceImport = f.lastImportAt ? days(f.lastImportAt.slice(0, 10), asOf) : null;
	const daysOverdrawn = f.overdrawnSince ? days(f.overdrawnSince, asOf) + 1 : null;
	const pressing: string[] = [];
	const other: string[] = [];
	if (f.consent) {
		if (daysOverdrawn !== null) pressing.push(`découvert depuis ${plural(daysOverdrawn, 'jour')}`);
		else if (f.firstOverdraft && f.firstOverdraft <= addDaysIso(asOf, OVERDRAFT_SOON_DAYS))
			pressing.push(`découvert prévu le ${formatDateFr(f.firstOverdraft)}`);
		if (f.feesMonthAmount > 0 && f.feesMonth)
			pressing.push(`${formatEur(f.feesMonthAmount)} de frais en ${MONTHS[Number(f.feesMonth.slice(5, 7)) - 1]}`);
		if (f.missingIncome) pressing.push("un revenu attendu n'est pas arrivé");
		const serious = f.signals.filter((s) => SERIOUS.includes(s.level) && !SHOWN_APART.has(s.id));
		const words = (s: StoredSignal) => s.title.charAt(0).toLowerCase() + s.title.slice(1);
		for (const s of serious.filter((s) => !STANDING.has(s.id)).slice(0, 2)) pressing.push(words(s));
		// A standing situation (low resources, a heavy rent, a registration) is not news of the week.
		for (const s of serious.filter((s) => STANDING.has(s.id)).slice(0, 1)) other.push(words(s));
		if (daysSinceImport !== null && daysSinceImport >= STALE_IMPORT_DAYS)
			pressing.push(`n'a pas importé depuis ${plural(daysSinceImport, 'jour')}`);
		else if (daysSinceImport === null && f.members > 0) other.push("n'a encore importé aucun relevé");
		if (f.benefitsCount > 0)
			other.push(
				`${plural(f.benefitsCount, 'droit')} à demander${f.benefitsYearly > 0 ? ` (environ ${formatEur(f.benefitsYearly)} par an)` : ''}`
			);
	} else {
		other.push('partage pas encore accepté');
		if (f.members === 0) other.push('aucun membre invité');
	}
	if (f.overdueSteps > 0) pressing.push(`${plural(f.overdueSteps, 'étape convenue', 'étapes convenues')} en retard`);
	if (f.nextAppointment) {
		const soon = days(asOf, f.nextAppointment.date) <= APPOINTMENT_SOON_DAYS;
		(soon ? pressing : other).push(appointmentReason(f.nextAppointment, asOf));
	}
	return {
		...f,
		daysSinceImport,
		daysOverdrawn,
		reasons: [...pressing, ...other],
		needsAttention: pressing.length > 0
	};
}

function fold(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase();
}

/** Whether the name holds the search, without accents or case. */
export function nameMatches(name: string, q: string): boolean {
	const folded = fold(q);
	return folded === '' || fold(name).includes(folded);
}

/** What the caseload's sorts compare: an entry, or the few stored figures of a household read to sort. */
export interface CaseloadSortKeys {
	id: number;
	name: string;
	needsAttention: boolean;
	level: CaseloadLevel | null;
	daysOverdrawn: number | null;
	firstOverdraft: IsoDate | null;
	feesMonthAmount: Cents;
	fees3m: Cents;
	benefitsCount: number;
	benefitsYearly: Cents;
	daysSinceImport: number | null;
	nextAppointment: { date: IsoDate } | null;
}

/** A level's rank, -1 for none. */
export function levelRank(level: CaseloadLevel | null): number {
	return level === null ? -1 : LEVELS.indexOf(level);
}

type Compare = (a: CaseloadSortKeys, b: CaseloadSortKeys) => number;
const rank = levelRank;
const COMPARE: Record<CaseloadSort, Compare> = {
	priority: (a, b) =>
		Number(b.needsAttention) - Number(a.needsAttention) ||
		rank(b.level) - rank(a.level) ||
		(b.daysOverdrawn ?? -1) - (a.daysOverdrawn ?? -1) ||
		(a.firstOverdraft ?? '9999').localeCompare(b.firstOverdraft ?? '9999') ||
		b.feesMonthAmount - a.feesMonthAmount,
	level: (a, b) => rank(b.level) - rank(a.level),
	overdraft: (a, b) =>
		(b.daysOverdrawn ?? -1) - (a.daysOverdrawn ?? -1) ||
		(a.firstOverdraft ?? '9999').localeCompare(b.firstOverdraft ?? '9999'),
	fees: (a, b) => b.fees3m - a.fees3m || b.feesMonthAmount - a.feesMonthAmount,
	benefits: (a, b) => b.benefitsYearly - a.benefitsYearly || b.benefitsCount - a.benefitsCount,
	import: (a, b) => (b.daysSinceImport ?? 1e6) - (a.daysSinceImport ?? 1e6),
	appointment: (a, b) => (a.nextAppointment?.date ?? '9999').localeCompare(b.nextAppointment?.date ?? '9999'),
	name: () => 0
};

/** One collator for every comparison: `localeCompare(…, 'fr')` builds one per call (most of a 500-household sort). */
const byName = new Intl.Collator('fr');

/** Sorts in place in the order asked, then by name (then by id, so that two namesakes keep one order). */
export function sortCaseload<T extends CaseloadSortKeys>(rows: T[], sort: CaseloadSort): T[] {
	return rows.sort((a, b) => COMPARE[sort](a, b) || byName.compare(a.name, b.name) || a.id - b.id);
}
