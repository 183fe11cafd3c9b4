/** Actions that protect the month: the coming overdraft, the priority debts, a safety cushion. */
import { addMonthsIso, formatDateFr, formatMonthFr, type IsoDate } from '$lib/dates';
import { formatEur, type Cents } from '$lib/money';
import { CUSHION_MAX_MONTHLY, CUSHION_MIN_MONTHLY, CUSHION_SHARE_BP, OVERDRAFT_URGENT_DAYS } from './parameters';
import type { BudgetInput, DebtInput, OverdraftInput, PlanAction } from './types';

function daysBetween(from: IsoDate, to: IsoDate): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function overdraftOptions(o: OverdraftInput): string[] {
	const options: string[] = [];
	const shortfall = -o.balance;
	const movable = o.debits.find((d) => -d.amount >= shortfall) ?? o.debits[0];
	if (movable && o.nextIncome)
		options.push(
			`Demander à ${movable.label} de prélever ${formatEur(-movable.amount)} après le ${formatDateFr(o.nextIncome.date)} (arrivée de ${o.nextIncome.label}) au lieu du ${formatDateFr(movable.date)}\u00a0: la lettre nomme ce prélèvement.`
		);
	options.push('Étaler une grosse facture\u00a0: demandez un échéancier au créancier avant la date du prélèvement.');
	options.push('Vérifier l’effet d’un décalage dans « Et si… » des prévisions avant de le demander.');
	return options;
}

/** The first projected overdraft: its day, its amount, and what would avoid it. */
export function overdraftAction(o: OverdraftInput | null, asOf: IsoDate): PlanAction | null {
	if (!o || o.balance >= 0) return null;
	const days = daysBetween(asOf, o.date);
	return {
		key: 'overdraft_avoid',
		kind: 'overdraft_avoid',
		title: `Éviter le découvert prévu le ${formatDateFr(o.date)} (${formatEur(o.balance)})`,
		monthlyImpact: null,
		oneOffImpact: o.cost > 0 ? o.cost : null,
		confidence: days <= 7 ? 'high' : 'medium',
		urgent: days <= OVERDRAFT_URGENT_DAYS,
		dueDate: o.date,
		evidence: [
			o.message,
			...o.debits
				.slice(0, 3)
				.map((d) => `Prélèvement prévu le ${formatDateFr(d.date)}\u00a0: ${d.label}, ${formatEur(-d.amount)}.`)
		],
		step: {
			text: 'Choisissez une des solutions avant le jour du découvert.',
			target: { kind: 'forecast' },
			documents: [],
			options: overdraftOptions(o)
		}
	};
}

/**
 * Priority debts (rent, energy, taxes, fines) come before consumer credit. With arrears, the step is an
 * appointment with the adviser (a plan with the creditor, a FSL claim), not a payment from what is left.
 */
export function priorityDebtAction(debts: readonly DebtInput[]): PlanAction | null {
	const open = debts.filter((d) => d.status !== 'soldee');
	const priority = open.filter((d) => d.priority && d.arrears > 0);
	if (priority.length === 0) return null;
	const arrears: Cents = priority.reduce((s, d) => s + d.arrears, 0);
	const credits = open.filter((d) => !d.priority && d.instalment > 0);
	return {
		key: 'priority_debt',
		kind: 'priority_debt',
		title: `Traiter d’abord les dettes prioritaires\u00a0: ${formatEur(arrears)} d’impayés`,
		monthlyImpact: null,
		oneOffImpact: null,
		confidence: 'high',
		urgent: true,
		dueDate: null,
		evidence: [
			...priority.map((d) => `${d.kindLabel} — ${d.creditor}\u00a0: ${formatEur(d.arrears)} d’impayés.`),
			...(credits.length
				? [
						`Les crédits (${credits.map((d) => d.creditor).join(', ')}) passent après\u00a0: un impayé de loyer ou d’énergie peut coûter le logement ou le chauffage.`
					]
				: [])
		],
		step: {
			text: 'Prenez rendez-vous avec votre conseillère avant de payer quoi que ce soit\u00a0: un plan avec le créancier ou une aide (FSL) peut être demandé.',
			target: { kind: 'appointment' },
			documents: ['Les courriers du créancier', 'Le dernier avis d’échéance ou la dernière facture'],
			options: []
		}
	};
}

/**
 * A small monthly amount put aside when the reste à vivre leaves room above the RSA floor, and the month it
 * would cover one month of fixed charges. Only when nothing more pressing is in the plan.
 */
export function cushionAction(budget: BudgetInput | null, asOf: IsoDate, pressing: boolean): PlanAction | null {
	if (!budget || pressing) return null;
	const room = budget.resteAVivre - budget.rsaFloor;
	if (room <= 0) return null;
	const share = Math.floor((room * CUSHION_SHARE_BP) / 10_000);
	if (share < CUSHION_MIN_MONTHLY) return null;
	const monthly = Math.min(share, CUSHION_MAX_MONTHLY);
	const target = budget.fixedCharges + budget.creditCharges;
	if (target <= 0) return null;
	const months = Math.ceil(target / monthly);
	const month = addMonthsIso(asOf.slice(0, 7), months);
	return {
		key: 'safety_cushion',
		kind: 'safety_cushion',
		title: `Mettre ${formatEur(monthly)} de côté chaque mois`,
		monthlyImpact: null,
		oneOffImpact: null,
		confidence: 'medium',
		urgent: false,
		dueDate: null,
		evidence: [
			`Après les dépenses obligatoires et les crédits, il reste ${formatEur(budget.resteAVivre)} par mois, ${formatEur(room)} au-dessus du RSA du foyer (${formatEur(budget.rsaFloor)}).`,
			`Un mois difficile, c’est ${formatEur(target)} de dépenses obligatoires et de crédits.`
		],
		step: {
			text: `Programmez un virement de ${formatEur(monthly)} vers un livret le jour de l’arrivée des revenus\u00a0: en ${months} mois (${formatMonthFr(month)}), il couvrira un mois difficile.`,
			target: { kind: 'budget' },
			documents: [],
			options: []
		}
	};
}
