/**
 * Non-recours for a household: its stored profile, the dated parameters from the database, the evidence of
 * its bank credits, and the alerts (one per benefit found, with a life cycle the household and adviser move
 * along). Alerts are refreshed after each import and each profile change.
 */
import { addMonths, format } from 'date-fns';
import { parseMoneyString } from '$lib/money';
import { addDaysIso, isoToDate, today } from '$lib/dates';
import type { Db } from '../db';
import { ensureDerived } from './derived-refresh';
import type { AlertStatus } from '../db/schema';
import {
	evaluateBenefits,
	parseProfile,
	validateParameters,
	type BenefitParameter,
	type BenefitsResult,
	type HouseholdProfile
} from '../benefits';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { audit, auditScope } from './audit';
import { refreshCaseloadRow } from './caseload-status';
import { refreshPlan } from './plan';
import { loadDefinitions, loadParameters } from './benefit-tables';
import { InputError } from './errors';
import { requirePlatformAdmin } from './platform';

export { loadParameters };

/** Validates and stores a household's profile, then refreshes its alerts. */
export async function saveProfile(
	db: Db,
	scope: HouseholdScope,
	json: unknown,
	now = new Date()
): Promise<HouseholdProfile> {
	requirePermission(scope, 'write');
	const parsed = parseProfile(json);
	if ('errors' in parsed) {
		const first = parsed.errors[0];
		throw new InputError(
			parsed.errors.map((e) => `${e.field ? `${e.field} : ` : ''}${e.message}`).join(' ; '),
			first?.field ?? null
		);
	}
	const row = {
		organisation_id: scope.organisationId,
		profile: JSON.stringify(parsed.profile),
		updated_at: now.toISOString(),
		updated_by: scope.actor.id
	};
	await db
		.insertInto('household_profile')
		.values({ household_id: scope.householdId, ...row })
		.onConflict((oc) => oc.column('household_id').doUpdateSet(row))
		.execute();
	await auditScope(db, scope, { action: 'profile.saved' }, now);
	await refreshBenefitAlerts(db, scope, now);
	await refreshCaseloadRow(db, scope, now);
	// the plan's benefit actions (and the caseload's counts of them) follow the new answers
	await refreshPlan(db, scope, now);
	return parsed.profile;
}

export async function loadProfile(db: Db, scope: HouseholdScope): Promise<HouseholdProfile | null> {
	requirePermission(scope, 'read');
	const row = await db
		.selectFrom('household_profile')
		.select('profile')
		.where('household_id', '=', scope.householdId)
		.executeTakeFirst();
	return row ? (JSON.parse(row.profile) as HouseholdProfile) : null;
}

/** The household's bank credits of the 3 months before `month` and during it: evidence of benefits received. */
export async function creditsEvidence(db: Db, scope: HouseholdScope, month: string) {
	requirePermission(scope, 'read');
	const start = format(addMonths(isoToDate(`${month}-01`), -3), 'yyyy-MM-dd');
	const rows = await db
		.selectFrom('bank_transaction')
		.select(['booking_date', 'amount', 'raw_label', 'payee', 'category_id'])
		.where('household_id', '=', scope.householdId)
		.where('amount', '>', 0)
		.where('booking_date', '>=', start)
		.where('booking_date', '<=', `${month}-31`)
		.execute();
	return {
		credits: rows.map((r) => ({
			date: r.booking_date,
			amount: r.amount,
			label: r.raw_label,
			payee: r.payee,
			category: r.category_id
		}))
	};
}

/** Evaluates a profile, with the household's bank credits as evidence when a household is given. */
export async function evaluateProfile(
	db: Db,
	profile: HouseholdProfile,
	scope: HouseholdScope | null
): Promise<BenefitsResult> {
	const [params, definitions] = await Promise.all([loadParameters(db), loadDefinitions(db)]);
	const evidence = scope ? await creditsEvidence(db, scope, profile.month) : undefined;
	return evaluateBenefits(profile, params, { evidence, definitions });
}

/** The stored profile evaluated for the current month (the profile's own month is only its reference). */
export async function evaluateHousehold(
	db: Db,
	scope: HouseholdScope,
	now = new Date()
): Promise<BenefitsResult | null> {
	const profile = await loadProfile(db, scope);
	if (!profile) return null;
	return evaluateProfile(db, { ...profile, month: today(now).slice(0, 7) }, scope);
}

const OPEN: AlertStatus[] = ['new', 'seen', 'claim_in_progress'];

/**
 * Recomputes the household's alerts: a benefit found eligible gets an alert (kept with its status if it
 * exists); an alert whose benefit is no longer eligible is deactivated, not deleted.
 */
export async function refreshBenefitAlerts(db: Db, scope: HouseholdScope, now = new Date()): Promise<void> {
	const householdId = scope.householdId;
	const result = await evaluateHousehold(db, scope, now);
	const eligible = (result?.results ?? []).filter((r) => r.status === 'eligible');
	const nowIso = now.toISOString();
	await db.transaction().execute(async (trx) => {
		const existing = await trx
			.selectFrom('benefit_alert')
			.select(['id', 'benefit', 'status'])
			.where('household_id', '=', householdId)
			.execute();
		const byBenefit = new Map(existing.map((e) => [e.benefit, e]));
		for (const r of eligible) {
			// For the CSS the amount kept is the household's monthly participation (0 when free).
			const amount =
				r.benefit === 'css'
					? parseMoneyString(r.participation ?? '0.00')
					: r.amount === null
						? null
						: parseMoneyString(r.amount);
			const prev = byBenefit.get(r.benefit);
			if (prev) {
				await trx
					.updateTable('benefit_alert')
					.set({
						amount,
						period: r.period,
						month: result!.month,
						reasons: JSON.stringify(r.reasons),
						active: 1,
						updated_at: nowIso
					})
					.where('id', '=', prev.id)
					.execute();
			} else {
				await trx
					.insertInto('benefit_alert')
					.values({
						organisation_id: scope.organisationId,
						household_id: householdId,
						benefit: r.benefit,
						status: 'new',
						amount,
						period: r.period,
						month: result!.month,
						reasons: JSON.stringify(r.reasons),
						active: 1,
						created_at: nowIso,
						updated_at: nowIso,
						updated_by: null
					})
					.execute();
			}
		}
		const found = new Set(eligible.map((r) => r.benefit as string));
		const gone = existing.filter((e) => !found.has(e.benefit) && OPEN.includes(e.status)).map((e) => e.id);
		if (gone.length)
			await trx.updateTable('benefit_alert').set({ active: 0, updated_at: nowIso }).where('id', 'in', gone).execute();
	});
}

export const ALERT_STATUSES: AlertStatus[] = [
	'new',
	'seen',
	'claim_in_progress',
	'obtained',
	'refused',
	'not_relevant'
];

export async function setAlertStatus(
	db: Db,
	scope: HouseholdScope,
	alertId: number,
	status: AlertStatus,
	now = new Date()
): Promise<void> {
	requirePermission(scope, 'write');
	if (!ALERT_STATUSES.includes(status)) throw new InputError('État inconnu.', 'status');
	const res = await db
		.updateTable('benefit_alert')
		.set({ status, updated_at: now.toISOString(), updated_by: scope.actor.id })
		.where('id', '=', alertId)
		.where('household_id', '=', scope.householdId)
		.executeTakeFirst();
	if (Number(res.numUpdatedRows) !== 1) throw new InputError('Alerte introuvable.', 'alert');
	await auditScope(db, scope, {
		action: 'benefit_alert.status',
		targetType: 'benefit_alert',
		targetId: alertId,
		details: { status }
	});
	await refreshCaseloadRow(db, scope, now);
}

export interface BenefitAlertRow {
	id: number;
	benefit: string;
	status: AlertStatus;
	amount: number | null;
	period: string;
	updatedAt: string;
	active: boolean;
	updatedBy: string | null;
}

/** The household's benefit alerts, open ones first, then by amount. */
export async function listBenefitAlerts(db: Db, scope: HouseholdScope): Promise<BenefitAlertRow[]> {
	requirePermission(scope, 'read');
	await ensureDerived(db, scope);
	const rows = await db
		.selectFrom('benefit_alert as a')
		.leftJoin('app_user as u', 'u.id', 'a.updated_by')
		.select(['a.id', 'a.benefit', 'a.status', 'a.amount', 'a.period', 'a.updated_at', 'a.active', 'u.name'])
		.where('a.household_id', '=', scope.householdId)
		.orderBy('a.active', 'desc')
		.orderBy('a.amount', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		benefit: r.benefit,
		status: r.status,
		amount: r.amount,
		period: r.period,
		updatedAt: r.updated_at,
		active: r.active === 1,
		updatedBy: r.name
	}));
}

/** The organisation's quick checks counted since the start of the year (anonymous counts only). */
export async function checkStatsThisYear(
	db: Db,
	organisationId: number,
	now = new Date()
): Promise<{ checks: number; found: number; yearly: number }> {
	const stats = await db
		.selectFrom('check_stat')
		.select([
			(eb) => eb.fn.sum<number>('checks').as('checks'),
			(eb) => eb.fn.sum<number>('benefits_found').as('found'),
			(eb) => eb.fn.sum<number>('yearly_amount').as('yearly')
		])
		.where('organisation_id', '=', organisationId)
		.where('day', '>=', `${today(now).slice(0, 4)}-01-01`)
		.executeTakeFirst();
	return { checks: Number(stats?.checks ?? 0), found: Number(stats?.found ?? 0), yearly: Number(stats?.yearly ?? 0) };
}

/** Counts a professional's quick check, anonymously (no data about the person). */
export async function countCheck(
	db: Db,
	organisationId: number,
	result: BenefitsResult,
	yearlyCents: number,
	now = new Date()
): Promise<void> {
	const day = today(now);
	const found = result.results.filter((r) => r.status === 'eligible').length;
	await db
		.insertInto('check_stat')
		.values({ organisation_id: organisationId, day, checks: 1, benefits_found: found, yearly_amount: yearlyCents })
		.onConflict((oc) =>
			oc.columns(['organisation_id', 'day']).doUpdateSet((eb) => ({
				checks: eb('check_stat.checks', '+', 1),
				benefits_found: eb('check_stat.benefits_found', '+', found),
				yearly_amount: eb('check_stat.yearly_amount', '+', yearlyCents)
			}))
		)
		.execute();
}

export interface ParameterVersionInput {
	key: string;
	value: string;
	effectiveFrom: string;
	source: string;
}

export interface ParameterChangePreview {
	problems: string[];
	/** how the stored test profiles' results change with the new version */
	differences: ProfileDifference[];
	profilesChecked: number;
}

/** The parameter table with a new dated version of one key: the version in force then is closed the day before. */
function withVersion(
	params: BenefitParameter[],
	input: ParameterVersionInput
): { params: BenefitParameter[]; problems: string[] } {
	const problems: string[] = [];
	const existing = params.filter((p) => p.key === input.key);
	if (existing.length === 0) problems.push(`Paramètre inconnu : ${input.key}.`);
	if (!/^-?\d+(\.\d+)?$/.test(input.value.trim()))
		problems.push(`Valeur : « ${input.value} » n'est pas un nombre décimal écrit avec un point (exemple : 646.52).`);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(input.effectiveFrom)) problems.push('Date d’effet : choisissez une date.');
	if (input.source.trim().length < 5)
		problems.push('Source : indiquez le texte officiel (décret, arrêté, circulaire) ou son adresse.');
	if (existing.some((p) => p.effectiveFrom === input.effectiveFrom))
		problems.push(`Une version du ${input.effectiveFrom} existe déjà pour ${input.key}.`);
	if (problems.length) return { params, problems };
	const template = existing[0];
	const next: BenefitParameter = {
		key: input.key,
		value: input.value.trim(),
		unit: template.unit,
		effectiveFrom: input.effectiveFrom,
		effectiveTo: null,
		label: template.label,
		source: input.source.trim()
	};
	const later = existing
		.filter((p) => p.effectiveFrom > input.effectiveFrom)
		.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
	if (later) next.effectiveTo = addDaysIso(later.effectiveFrom, -1);
	const updated = params.map((p) =>
		p.key === input.key &&
		p.effectiveFrom < input.effectiveFrom &&
		(p.effectiveTo == null || p.effectiveTo >= input.effectiveFrom)
			? { ...p, effectiveTo: addDaysIso(input.effectiveFrom, -1) }
			: p
	);
	updated.push(next);
	return { params: updated, problems: validateParameters(updated) };
}

/** One test profile whose result for a benefit would change. */
export interface ProfileDifference {
	profile: string;
	benefit: string;
	before: string;
	after: string;
}

/** The organisation's stored household profiles, as test profiles for a rules change. */
export async function storedProfiles(
	db: Db,
	organisationId: number
): Promise<{ name: string; profile: HouseholdProfile }[]> {
	const stored = await db
		.selectFrom('household_profile')
		.innerJoin('household', 'household.id', 'household_profile.household_id')
		.select(['household.name', 'household_profile.profile'])
		.where('household_profile.organisation_id', '=', organisationId)
		.execute();
	return stored.map((s) => ({ name: s.name, profile: JSON.parse(s.profile) as HouseholdProfile }));
}

/** Evaluates each profile for `month` before and after a change and lists the results that differ. */
export function profileDifferences(
	profiles: { name: string; profile: HouseholdProfile }[],
	month: string,
	before: (p: HouseholdProfile) => BenefitsResult,
	after: (p: HouseholdProfile) => BenefitsResult
): ProfileDifference[] {
	const differences: ProfileDifference[] = [];
	const show = (r: { status: string; amount: string | null }) => `${r.status}${r.amount ? ` ${r.amount}` : ''}`;
	for (const { name, profile } of profiles) {
		const p = { ...profile, month };
		const b = new Map(before(p).results.map((x) => [x.benefit, x]));
		for (const a of after(p).results) {
			const x = b.get(a.benefit);
			if (x && show(x) !== show(a))
				differences.push({ profile: name, benefit: a.label, before: show(x), after: show(a) });
		}
	}
	return differences;
}

/**
 * Runs a proposed parameter version against the stored test profiles (every household profile of the
 * organisation and the demo profiles) for the month it takes effect, and lists what would change.
 */
export async function previewParameterVersion(
	db: Db,
	organisationId: number,
	input: ParameterVersionInput,
	testProfiles: { name: string; profile: HouseholdProfile }[]
): Promise<ParameterChangePreview> {
	const [current, definitions] = await Promise.all([loadParameters(db), loadDefinitions(db)]);
	const { params, problems } = withVersion(current, input);
	if (problems.length) return { problems, differences: [], profilesChecked: 0 };
	const profiles = [...testProfiles, ...(await storedProfiles(db, organisationId))];
	const differences = profileDifferences(
		profiles,
		input.effectiveFrom.slice(0, 7),
		(p) => evaluateBenefits(p, current, { definitions }),
		(p) => evaluateBenefits(p, params, { definitions })
	);
	return { problems: [], differences, profilesChecked: profiles.length };
}

/** Publishes a new dated version of a parameter (the previous one is closed, never deleted: the history stays). */
export async function publishParameterVersion(
	db: Db,
	actor: { id: number; organisationId: number; platformAdmin?: boolean },
	input: ParameterVersionInput,
	now = new Date()
): Promise<void> {
	requirePlatformAdmin(actor);
	const current = await loadParameters(db);
	const { params, problems } = withVersion(current, input);
	if (problems.length) throw new InputError(problems.join(' '), 'value');
	const before = new Map(
		current.filter((p) => p.key === input.key).map((p) => [p.effectiveFrom, p.effectiveTo ?? null])
	);
	const changed = params.filter(
		(p) =>
			p.key === input.key && (!before.has(p.effectiveFrom) || before.get(p.effectiveFrom) !== (p.effectiveTo ?? null))
	);
	await db.transaction().execute(async (trx) => {
		for (const p of changed) {
			const row = {
				value: p.value,
				unit: p.unit,
				effective_to: p.effectiveTo ?? null,
				label: p.label,
				source: p.source,
				updated_at: now.toISOString(),
				updated_by: actor.id
			};
			await trx
				.insertInto('benefit_parameter')
				.values({ key: p.key, effective_from: p.effectiveFrom, ...row })
				.onConflict((oc) =>
					oc
						.columns(['key', 'effective_from'])
						.doUpdateSet({ effective_to: row.effective_to, updated_at: row.updated_at, updated_by: row.updated_by })
				)
				.execute();
		}
		await audit(trx, {
			organisationId: actor.organisationId,
			actorId: actor.id,
			action: 'benefit_parameter.published',
			targetType: 'benefit_parameter',
			targetId: input.key,
			details: { ...input }
		});
	});
}
