/**
 * The new actions of the plans an adviser follows, for the morning digest: the actions that appeared since
 * the previous digest, urgent or worth at least DIGEST_MIN_YEARLY over a year, that the household has not
 * done, dismissed or had hidden, only for households that gave their consent. Told in words, never amounts
 * (the digest is an e-mail).
 */
import type { Db } from '../db';
import { ensureOrganisationDerived } from './derived-refresh';
import type { Actor } from '../auth/session';
import { householdScopes, may } from '../auth/access';
import { DIGEST_MIN_YEARLY } from '../coaching/parameters';
import type { ActionKind } from '../coaching/plan';

/** What each kind of action is, in a few words, without amounts. */
export const KIND_WORDS: Record<ActionKind, string> = {
	overdraft_exit: 'un découvert à résorber',
	overdraft_avoid: 'un découvert à éviter',
	priority_debt: 'des dettes prioritaires à traiter',
	fee_refund: 'des frais bancaires à réclamer',
	benefit_claim: 'une aide à demander',
	oscf_request: 'l’offre clients fragiles à demander',
	subscription_check: 'un prélèvement à vérifier',
	safety_cushion: 'une épargne de précaution possible',
	manual: 'une action de la conseillère'
};

export interface NewPlanActions {
	householdId: number;
	name: string;
	/** KIND_WORDS of the new actions, each once, in the plan's order */
	words: string[];
}

/** The adviser's households with new high-value actions since `since` (ISO instant). */
export async function newPlanActions(db: Db, actor: Actor, since: string): Promise<NewPlanActions[]> {
	if (actor.role !== 'adviser') return [];
	await ensureOrganisationDerived(db, actor.organisationId);
	const rows = await db
		.selectFrom('plan_action as p')
		.innerJoin('adviser_assignment as a', (j) =>
			j.onRef('a.household_id', '=', 'p.household_id').on('a.adviser_id', '=', actor.id)
		)
		.innerJoin('household as h', 'h.id', 'p.household_id')
		.leftJoin('action_plan_item as i', (j) =>
			j.onRef('i.household_id', '=', 'p.household_id').onRef('i.action_key', '=', 'p.action_key')
		)
		.select(['p.household_id', 'h.name', 'p.kind', 'p.position', 'p.urgent', 'p.monthly_impact', 'p.one_off_impact'])
		.where('p.organisation_id', '=', actor.organisationId)
		.where('a.organisation_id', '=', actor.organisationId)
		.where('h.archived_at', 'is', null)
		.where('p.first_seen_at', '>', since)
		.where((eb) =>
			eb.or([eb('i.action_key', 'is', null), eb.and([eb('i.hidden', '=', 0), eb('i.status', '=', 'open')])])
		)
		.orderBy('h.name')
		.orderBy('p.household_id')
		.orderBy('p.position')
		.execute();
	const worth = rows.filter(
		(r) => r.urgent === 1 || Number(r.monthly_impact ?? 0) * 12 + Number(r.one_off_impact ?? 0) >= DIGEST_MIN_YEARLY
	);
	const scopes = await householdScopes(db, actor, [...new Set(worth.map((r) => r.household_id))]);
	const out = new Map<number, NewPlanActions>();
	for (const r of worth) {
		const scope = scopes.get(r.household_id);
		if (!scope || !may(scope, 'read')) continue;
		const entry = out.get(r.household_id) ?? { householdId: r.household_id, name: r.name, words: [] };
		const word = KIND_WORDS[r.kind as ActionKind] ?? KIND_WORDS.manual;
		if (!entry.words.includes(word)) entry.words.push(word);
		out.set(r.household_id, entry);
	}
	return [...out.values()];
}
