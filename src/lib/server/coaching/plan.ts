/**
 * The household's action plan: every rule over the engines' results, then one order. Urgent actions
 * first (an overdraft within two weeks, arrears of a priority debt), by their day; then the others by
 * their effect over a year (twelve months of the monthly effect plus the one-off effect), the surer
 * first on a tie; then by kind and key, so that the same inputs always give the same plan.
 */
import type { Cents } from '$lib/money';
import { benefitActions, feeRefundAction, oscfAction } from './rules-money';
import { cushionAction, overdraftAction, overdrawnAction, priorityDebtAction } from './rules-budget';
import { subscriptionActions } from './rules-subscriptions';
import type { ActionKind, Confidence, PlanAction, PlanInput } from './types';

export * from './types';
export { PLAN_SHOWN_FIRST } from './parameters';

const KIND_ORDER: readonly ActionKind[] = [
	'overdraft_exit',
	'overdraft_avoid',
	'priority_debt',
	'fee_refund',
	'benefit_claim',
	'oscf_request',
	'manual',
	'subscription_check',
	'safety_cushion'
];
const CONFIDENCE_ORDER: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

/** The effect over a year (cents): what ranks the actions that are not urgent. */
export function yearlyEffect(a: Pick<PlanAction, 'monthlyImpact' | 'oneOffImpact'>): Cents {
	return (a.monthlyImpact ?? 0) * 12 + (a.oneOffImpact ?? 0);
}

function compare(a: PlanAction, b: PlanAction): number {
	if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
	if (a.urgent && b.urgent && a.dueDate !== b.dueDate) {
		if (a.dueDate === null) return 1;
		if (b.dueDate === null) return -1;
		return a.dueDate < b.dueDate ? -1 : 1;
	}
	return (
		yearlyEffect(b) - yearlyEffect(a) ||
		CONFIDENCE_ORDER[a.confidence] - CONFIDENCE_ORDER[b.confidence] ||
		KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
		(a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
	);
}

/** Ranks any list of actions (computed and manual) by urgency, then effect. */
export function rankActions<T extends PlanAction>(actions: readonly T[]): T[] {
	return [...actions].sort(compare);
}

/** The computed actions of a household, ranked. */
export function buildPlan(input: PlanInput): PlanAction[] {
	const overdrawn = overdrawnAction(input.overdrawn, input.asOf);
	const overdraft = overdraftAction(input.overdraft, input.asOf);
	const debts = priorityDebtAction(input.debts);
	const actions: PlanAction[] = [
		...(overdrawn ? [overdrawn] : []),
		...(overdraft ? [overdraft] : []),
		...(debts ? [debts] : []),
		...benefitActions(input.benefits),
		...[feeRefundAction(input.fees), oscfAction(input.oscf)].filter((a): a is PlanAction => a !== null),
		...subscriptionActions(input.series)
	];
	const cushion = cushionAction(input.budget, input.asOf, overdrawn !== null || overdraft !== null || debts !== null);
	if (cushion) actions.push(cushion);
	return rankActions(actions);
}
