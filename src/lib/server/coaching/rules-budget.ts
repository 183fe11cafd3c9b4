/** Actions that protect the month: the coming overdraft, the priority debts, a safety cushion. */
import { addDaysIso, addMonthsIso, formatDateFr, formatMonthFr, type IsoDate } from '$lib/dates';
import { formatEur, type Cents } from '$lib/money';
import {
	CUSHION_MAX_MONTHLY,
	CUSHION_MIN_MONTHLY,
	CUSHION_SHARE_BP,
	OVERDRAFT_URGENT_DAYS,
	OVERDRAWN_INCOME_CLEARS_DAYS,
	OVERDRAWN_MONTH_DAYS
} from './parameters';
import type {
	BudgetInput,
	DebtInput,
	MovableDebit,
	OverdraftInput,
	OverdrawnInput,
	PlanAction,
	StepTarget
} from './types';

function daysBetween(from: IsoDate, to: IsoDate): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The debit worth moving after the income: among the debits due before the income arrives, the first that
 * alone covers the shortfall, else the largest. None without an income to move it after.
 */
function movableDebit(
	debits: readonly MovableDebit[],
	income: OverdraftInput['nextIncome'],
	shortfall: number
): MovableDebit | undefined {
	if (!income) return undefined;
	const before = debits.filter((d) => d.date < income.date);
	return before.find((d) => -d.amount >= shortfall) ?? before[0];
}

function moveOption(movable: MovableDebit | undefined, income: OverdraftInput['nextIncome']): string[] {
	if (!movable || !income) return [];
	return [
		`Demander à ${movable.label} de prélever ${formatEur(-movable.amount)} après le ${formatDateFr(income.date)} (arrivée de ${income.label}) au lieu du ${formatDateFr(movable.date)}\u00a0: la lettre nomme ce prélèvement.`
	];
}

/** The letter when a series' debit can be moved after the income, else the forecast. */
function moveTarget(movable: MovableDebit | undefined): StepTarget {
	return movable?.series ? { kind: 'debit_letter', series: movable.series } : { kind: 'forecast' };
}

function overdraftOptions(o: OverdraftInput): string[] {
	return [
		...moveOption(movableDebit(o.debits, o.nextIncome, -o.balance), o.nextIncome),
		'Étaler une grosse facture\u00a0: demandez un échéancier au créancier avant la date du prélèvement.',
		'Vérifier l’effet d’un décalage dans « Et si… » des prévisions avant de le demander.'
	];
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
			target: moveTarget(movableDebit(o.debits, o.nextIncome, -o.balance)),
			documents: [],
			options: overdraftOptions(o)
		}
	};
}

/**
 * The account is already overdrawn: leaving the overdraft saves its debit interest every month (and the
 * commissions d'intervention beyond the authorised overdraft, said but not counted). Urgent from today.
 */
export function overdrawnAction(o: OverdrawnInput | null, asOf: IsoDate): PlanAction | null {
	if (!o || o.balance >= 0) return null;
	// Moving a debit after the income helps only when that income brings the account back above zero: an
	// account overdrawn all month long gains nothing from a debit taken a few days later.
	const incomeClears =
		o.nextIncome !== null &&
		o.backToPositive !== null &&
		o.backToPositive <= addDaysIso(o.nextIncome.date, OVERDRAWN_INCOME_CLEARS_DAYS);
	const movable = incomeClears ? movableDebit(o.debits, o.nextIncome, 0) : undefined;
	const monthly = o.interestPerDay * OVERDRAWN_MONTH_DAYS;
	return {
		key: 'overdraft_exit',
		kind: 'overdraft_exit',
		title: `Sortir du découvert (${formatEur(o.balance)} depuis ${o.sinceKnown ? 'le' : 'au moins le'} ${formatDateFr(o.since)})`,
		monthlyImpact: monthly > 0 ? monthly : null,
		oneOffImpact: null,
		confidence: 'high',
		urgent: true,
		dueDate: asOf,
		evidence: [
			o.message,
			`L’effet estimé compte ${OVERDRAWN_MONTH_DAYS} jours d’agios (${formatEur(o.interestPerDay)} par jour)${o.beyondLimit ? '\u00a0; les commissions d’intervention s’y ajoutent' : ''}.`
		],
		step: {
			text: 'Parlez-en vite à votre banque ou à votre conseillère\u00a0: un échéancier pour rembourser le découvert coûte souvent moins cher que les agios et les commissions.',
			target: moveTarget(movable),
			documents: ['Vos trois derniers relevés de compte'],
			options: [
				...moveOption(movable, o.nextIncome),
				'Demander à la banque de transformer le découvert en remboursement en plusieurs mois.',
				'Regarder dans les prévisions le jour où le compte redevient positif.'
			]
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
