/** `bgv plan`: the household's action plan, ranked, with each action's effect, evidence, step and status. */
import { centsToString } from '$lib/money';
import { householdPlan, type PlanItem, type PlanView } from '../services/plan';
import { householdOption, output } from './helpers';
import type { Command } from './types';

const money = (c: number | null) => (c === null ? null : centsToString(c));

function actionJson(a: PlanItem) {
	return {
		key: a.key,
		kind: a.kind,
		title: a.title,
		monthlyImpact: money(a.monthlyImpact),
		oneOffImpact: money(a.oneOffImpact),
		confidence: a.confidence,
		urgent: a.urgent,
		evidence: a.evidence,
		step: {
			text: a.step.text,
			documents: a.step.documents,
			options: a.step.options,
			link: a.link ? a.link.href : null
		},
		status: a.status,
		statusBy: a.statusBy,
		statusAt: a.statusAt,
		hidden: a.hidden
	};
}

/** The contract's JSON: the actions to do (ranked), then the ones done or dismissed. */
export function planJson(plan: PlanView) {
	return { actions: [...plan.actions, ...plan.closed].map(actionJson) };
}

function planText(plan: PlanView): string {
	if (plan.actions.length === 0) return 'Aucune action à faire.';
	return plan.actions
		.map((a, i) => {
			const effect = [
				a.monthlyImpact !== null ? `${centsToString(a.monthlyImpact)} €/mois` : null,
				a.oneOffImpact !== null ? `${centsToString(a.oneOffImpact)} € une fois` : null
			].filter(Boolean);
			const flags = [a.urgent ? 'urgent' : null, a.hidden ? 'masquée' : null, a.status !== 'open' ? a.status : null];
			const tail = [...effect, ...flags.filter(Boolean)].join(', ');
			return `${i + 1}. ${a.title}${tail ? ` (${tail})` : ''}\n   ${a.step.text}`;
		})
		.join('\n');
}

export const planCommand: Command = {
	words: ['plan'],
	summary: 'le plan d’action du ménage : actions classées par urgence et par effet, avec preuves et prochaine étape',
	usage: 'plan --household ID [--json]',
	options: {
		household: { type: 'string', description: 'identifiant du ménage' },
		json: { type: 'boolean', description: 'sortie JSON' }
	},
	async run(ctx) {
		const scope = await householdOption(ctx);
		const plan = await householdPlan(ctx.handle.db, scope);
		output(ctx, planJson(plan), () => planText(plan));
	}
};
