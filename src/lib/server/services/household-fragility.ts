/**
 * The fragility signals of one household (fragility.md §6.a) over its last 12 months, from its statements,
 * its profile's composition, the registrations the adviser recorded and the organisation's categories:
 * one place that gathers the engine's input, for the caseload row (stored) and the case file (with the
 * transactions behind each signal).
 */
import { addMonthsIso, type IsoDate } from '$lib/dates';
import type { Cents } from '$lib/money';
import type { Db } from '../db';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { fragilitySignals, type FragilityReport, type FragilitySignal } from '../fragility/signals';
import { loadHistory, type HouseholdHistory } from './forecast-service';
import { householdComposition } from './budget-service';
import { engineCategories } from './categories';
import { registrationsOf } from './register-read';

export interface HouseholdFragility {
	history: HouseholdHistory;
	/** the transactions of the last 12 months the signals read (their evidence indexes point here) */
	recent: HouseholdHistory['txs'];
	report: FragilityReport;
	lastImportAt: string | null;
}

export async function householdFragility(db: Db, scope: HouseholdScope, asOf: IsoDate): Promise<HouseholdFragility> {
	requirePermission(scope, 'read');
	const history = await loadHistory(db, scope);
	const yearAgo = `${addMonthsIso(asOf.slice(0, 7), -12)}-01`;
	const recent = history.txs.filter((t) => t.date >= yearAgo);
	const [lastImport, registrations, household, categories] = await Promise.all([
		db
			.selectFrom('import_batch')
			.select((eb) => eb.fn.max('created_at').as('last'))
			.where('household_id', '=', scope.householdId)
			.executeTakeFirst(),
		registrationsOf(db, scope),
		householdComposition(db, scope, asOf.slice(0, 7)),
		engineCategories(db, scope.organisationId)
	]);
	const lastImportAt = (lastImport?.last as string | null | undefined) ?? null;
	const report = fragilitySignals({
		txs: recent.map((t) => ({
			date: t.date,
			amount: t.amount,
			category: t.category,
			normalisedLabel: t.normalisedLabel,
			payee: t.payee
		})),
		asOf,
		overdraftLimit: history.overdraft.limit,
		registrations,
		composition: { ...household.composition, known: household.known },
		categories,
		lastImportDate: lastImportAt ? lastImportAt.slice(0, 10) : null
	});
	return { history, recent, report, lastImportAt };
}

export interface SignalEvidence {
	id: number;
	date: IsoDate;
	label: string;
	amount: Cents;
}

export interface SignalWithEvidence extends Omit<FragilitySignal, 'evidence'> {
	evidence: SignalEvidence[];
	/** how many transactions are behind it when more than are listed */
	evidenceCount: number;
}

const EVIDENCE_SHOWN = 30;

/** The household's signals, each with the transactions that triggered it (latest first, at most 30). */
export async function householdSignals(
	db: Db,
	scope: HouseholdScope,
	asOf: IsoDate
): Promise<{ level: FragilityReport['level']; regulatoryFragile: boolean; signals: SignalWithEvidence[] }> {
	const { recent, report } = await householdFragility(db, scope, asOf);
	return {
		level: report.level,
		regulatoryFragile: report.regulatoryFragile,
		signals: report.signals.map((s) => ({
			...s,
			evidenceCount: s.evidence.length,
			evidence: s.evidence
				.map((i) => recent[i])
				.sort((a, b) => (a.date > b.date ? -1 : a.date < b.date ? 1 : Number(b.id) - Number(a.id)))
				.slice(0, EVIDENCE_SHOWN)
				.map((t) => ({ id: Number(t.id), date: t.date, label: t.payee || t.normalisedLabel, amount: t.amount }))
		}))
	};
}
