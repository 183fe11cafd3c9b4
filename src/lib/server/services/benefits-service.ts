/**
 * Non-recours for a household: its stored profile, the dated parameters from the database, the evidence of
 * its bank credits, and the alerts (one per benefit found, with a life cycle the household and adviser move
 * along). Alerts are refreshed after each import and each profile change.
 */
import { addMonths, format } from 'date-fns';
import { parseMoneyString } from '$lib/money';
import { isoToDate, today } from '$lib/dates';
import type { Db } from '../db';
import type { AlertStatus } from '../db/schema';
import {
	DEFAULT_BENEFIT_PARAMETERS,
	evaluateBenefits,
	parseProfile,
	type BenefitParameter,
	type BenefitsResult,
	type HouseholdProfile,
	type ParameterUnit
} from '../benefits';
import { audit } from './audit';
import { InputError } from './errors';

/** Inserts the default parameter versions that are missing (admins' edits are kept). */
export async function ensureBenefitParameters(db: Db, now = new Date()): Promise<void> {
	const existing = await db.selectFrom('benefit_parameter').select(['key', 'effective_from']).execute();
	const have = new Set(existing.map((e) => `${e.key}|${e.effective_from}`));
	const missing = DEFAULT_BENEFIT_PARAMETERS.filter((p) => !have.has(`${p.key}|${p.effectiveFrom}`));
	for (let i = 0; i < missing.length; i += 200) {
		await db
			.insertInto('benefit_parameter')
			.values(
				missing.slice(i, i + 200).map((p) => ({
					key: p.key,
					value: p.value,
					unit: p.unit,
					effective_from: p.effectiveFrom,
					effective_to: p.effectiveTo ?? null,
					label: p.label,
					source: p.source,
					updated_at: now.toISOString(),
					updated_by: null
				}))
			)
			.onConflict((oc) => oc.columns(['key', 'effective_from']).doNothing())
			.execute();
	}
}

export async function loadParameters(db: Db): Promise<BenefitParameter[]> {
	const rows = await db.selectFrom('benefit_parameter').selectAll().orderBy('key').orderBy('effective_from').execute();
	if (rows.length === 0) return [...DEFAULT_BENEFIT_PARAMETERS];
	return rows.map((r) => ({
		key: r.key,
		value: r.value,
		unit: r.unit as ParameterUnit,
		effectiveFrom: r.effective_from,
		effectiveTo: r.effective_to,
		label: r.label,
		source: r.source
	}));
}

/** Validates and stores a household's profile, then refreshes its alerts. */
export async function saveProfile(
	db: Db,
	actor: { id: number | null; organisationId: number },
	householdId: number,
	json: unknown,
	now = new Date()
): Promise<HouseholdProfile> {
	const parsed = parseProfile(json);
	if ('errors' in parsed) {
		const first = parsed.errors[0];
		throw new InputError(parsed.errors.map((e) => `${e.field ? `${e.field} : ` : ''}${e.message}`).join(' ; '), first?.field ?? null);
	}
	const row = { organisation_id: actor.organisationId, profile: JSON.stringify(parsed.profile), updated_at: now.toISOString(), updated_by: actor.id };
	await db
		.insertInto('household_profile')
		.values({ household_id: householdId, ...row })
		.onConflict((oc) => oc.column('household_id').doUpdateSet(row))
		.execute();
	await audit(db, { organisationId: actor.organisationId, actorId: actor.id, householdId, action: 'profile.saved' });
	await refreshBenefitAlerts(db, householdId, now);
	return parsed.profile;
}

export async function loadProfile(db: Db, householdId: number): Promise<HouseholdProfile | null> {
	const row = await db.selectFrom('household_profile').select('profile').where('household_id', '=', householdId).executeTakeFirst();
	return row ? (JSON.parse(row.profile) as HouseholdProfile) : null;
}

/** The household's bank credits of the 3 months before `month` and during it: evidence of benefits received. */
export async function creditsEvidence(db: Db, householdId: number, month: string) {
	const start = format(addMonths(isoToDate(`${month}-01`), -3), 'yyyy-MM-dd');
	const rows = await db
		.selectFrom('bank_transaction')
		.select(['booking_date', 'amount', 'raw_label', 'payee', 'category_id'])
		.where('household_id', '=', householdId)
		.where('amount', '>', 0)
		.where('booking_date', '>=', start)
		.where('booking_date', '<=', `${month}-31`)
		.execute();
	return { credits: rows.map((r) => ({ date: r.booking_date, amount: r.amount, label: r.raw_label, payee: r.payee, category: r.category_id })) };
}

/** Evaluates a profile, with the household's bank credits as evidence when a household is given. */
export async function evaluateProfile(db: Db, profile: HouseholdProfile, householdId: number | null): Promise<BenefitsResult> {
	const params = await loadParameters(db);
	const evidence = householdId ? await creditsEvidence(db, householdId, profile.month) : undefined;
	return evaluateBenefits(profile, params, { evidence });
}

/** The stored profile evaluated for the current month (the profile's own month is only its reference). */
export async function evaluateHousehold(db: Db, householdId: number, now = new Date()): Promise<BenefitsResult | null> {
	const profile = await loadProfile(db, householdId);
	if (!profile) return null;
	return evaluateProfile(db, { ...profile, month: today(now).slice(0, 7) }, householdId);
}

const OPEN: AlertStatus[] = ['new', 'seen', 'claim_in_progress'];

/**
 * Recomputes the household's alerts: a benefit found eligible gets an alert (kept with its status if it
 * exists); an alert whose benefit is no longer eligible is deactivated, not deleted.
 */
export async function refreshBenefitAlerts(db: Db, householdId: number, now = new Date()): Promise<void> {
	const household = await db.selectFrom('household').select('organisation_id').where('id', '=', householdId).executeTakeFirst();
	if (!household) return;
	const result = await evaluateHousehold(db, householdId, now);
	const eligible = (result?.results ?? []).filter((r) => r.status === 'eligible');
	const nowIso = now.toISOString();
	await db.transaction().execute(async (trx) => {
		const existing = await trx.selectFrom('benefit_alert').select(['id', 'benefit', 'status']).where('household_id', '=', householdId).execute();
		const byBenefit = new Map(existing.map((e) => [e.benefit, e]));
		for (const r of eligible) {
			// For the CSS the amount kept is the household's monthly participation (0 when free).
			const amount = r.benefit === 'css' ? parseMoneyString(r.participation ?? '0.00') : r.amount === null ? null : parseMoneyString(r.amount);
			const prev = byBenefit.get(r.benefit);
			if (prev) {
				await trx
					.updateTable('benefit_alert')
					.set({ amount, period: r.period, month: result!.month, reasons: JSON.stringify(r.reasons), active: 1, updated_at: nowIso })
					.where('id', '=', prev.id)
					.execute();
			} else {
				await trx
					.insertInto('benefit_alert')
					.values({
						organisation_id: household.organisation_id,
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
		if (gone.length) await trx.updateTable('benefit_alert').set({ active: 0, updated_at: nowIso }).where('id', 'in', gone).execute();
	});
}

export const ALERT_STATUSES: AlertStatus[] = ['new', 'seen', 'claim_in_progress', 'obtained', 'refused', 'not_relevant'];

export async function setAlertStatus(
	db: Db,
	actor: { id: number; organisationId: number },
	householdId: number,
	alertId: number,
	status: AlertStatus,
	now = new Date()
): Promise<void> {
	if (!ALERT_STATUSES.includes(status)) throw new InputError('État inconnu.', 'status');
	const res = await db
		.updateTable('benefit_alert')
		.set({ status, updated_at: now.toISOString(), updated_by: actor.id })
		.where('id', '=', alertId)
		.where('household_id', '=', householdId)
		.executeTakeFirst();
	if (Number(res.numUpdatedRows) !== 1) throw new InputError('Alerte introuvable.', 'alert');
	await audit(db, { organisationId: actor.organisationId, actorId: actor.id, householdId, action: 'benefit_alert.status', targetType: 'benefit_alert', targetId: alertId, details: { status } });
}

/** Counts a professional's quick check, anonymously (no data about the person). */
export async function countCheck(db: Db, organisationId: number, result: BenefitsResult, yearlyCents: number, now = new Date()): Promise<void> {
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
