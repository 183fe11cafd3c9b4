/**
 * Recurring debits worth a look: a series not seen before, a series whose price went up, two series of one
 * kind (two phone lines, two insurances). The step is what to check; the effect is the debit itself.
 */
import { formatDateFr } from '$lib/dates';
import { formatEur } from '$lib/money';
import {
	DUPLICATE_CATEGORIES,
	NEW_SERIES_MAX_OCCURRENCES,
	NOT_SUBSCRIPTION_PREFIXES,
	PRICE_RISE_MIN,
	PRICE_RISE_MIN_BP
} from './parameters';
import type { PlanAction, SeriesInput } from './types';

function check(text: string): PlanAction['step'] {
	return { text, target: { kind: 'transactions' }, documents: [], options: [] };
}

function newSeriesAction(s: SeriesInput): PlanAction {
	return {
		key: `subscription:new:${s.key}`,
		kind: 'subscription_check',
		title: `Vérifier le nouveau prélèvement ${s.payee} (${formatEur(-s.amount)} par mois)`,
		monthlyImpact: -s.amount,
		oneOffImpact: null,
		confidence: 'low',
		urgent: false,
		dueDate: null,
		evidence: [`${s.occurrences} prélèvements de ${s.payee} depuis peu, le dernier le ${formatDateFr(s.lastDate)}.`],
		step: check('Vérifiez que vous avez bien souscrit ce service et qu’il vous sert ; sinon, résiliez-le.')
	};
}

/** The rise between the first and the last amount of the series, when it passes both thresholds. */
function priceRise(s: SeriesInput): { before: number; after: number; rise: number } | null {
	if (s.amounts.length < 2) return null;
	const before = -s.amounts[0];
	const after = -s.amounts[s.amounts.length - 1];
	const rise = after - before;
	if (before <= 0 || rise < PRICE_RISE_MIN || rise * 10_000 < before * PRICE_RISE_MIN_BP) return null;
	return { before, after, rise };
}

function priceRiseAction(s: SeriesInput): PlanAction | null {
	const r = priceRise(s);
	if (!r) return null;
	return {
		key: `subscription:rise:${s.key}`,
		kind: 'subscription_check',
		title: `${s.payee} a augmenté de ${formatEur(r.rise)} par mois`,
		monthlyImpact: r.rise,
		oneOffImpact: null,
		confidence: 'medium',
		urgent: false,
		dueDate: null,
		evidence: [
			`Prélèvement passé de ${formatEur(r.before)} à ${formatEur(r.after)} (dernier le ${formatDateFr(s.lastDate)}).`
		],
		step: check(
			'Demandez pourquoi le prix a augmenté et comparez avec une offre moins chère ; la hausse permet souvent de résilier sans frais.'
		)
	};
}

function duplicateActions(series: readonly SeriesInput[]): PlanAction[] {
	const out: PlanAction[] = [];
	for (const [category, label] of Object.entries(DUPLICATE_CATEGORIES)) {
		const same = series.filter((s) => s.category === category);
		const payees = new Set(same.map((s) => s.payee));
		if (same.length < 2 || payees.size < 2) continue;
		const smallest = same.reduce((a, b) => (-a.amount <= -b.amount ? a : b));
		out.push({
			key: `subscription:duplicate:${category}`,
			kind: 'subscription_check',
			title: `Deux contrats de ${label}\u00a0: en garder un seul ?`,
			monthlyImpact: -smallest.amount,
			oneOffImpact: null,
			confidence: 'low',
			urgent: false,
			dueDate: null,
			evidence: same.map((s) => `${s.payee}\u00a0: ${formatEur(-s.amount)} par mois.`),
			step: check(
				`Vérifiez si les deux contrats de ${label} couvrent la même personne ou la même chose ; si oui, résiliez le moins utile.`
			)
		});
	}
	return out;
}

/** Subscription actions over the active debit series. */
export function subscriptionActions(series: readonly SeriesInput[]): PlanAction[] {
	const debits = series.filter((s) => s.amount < 0 && !NOT_SUBSCRIPTION_PREFIXES.some((p) => s.category.startsWith(p)));
	const fresh = debits.filter((s) => s.occurrences <= NEW_SERIES_MAX_OCCURRENCES).map(newSeriesAction);
	const rises = debits
		.filter((s) => s.occurrences > NEW_SERIES_MAX_OCCURRENCES)
		.map(priceRiseAction)
		.filter((a): a is PlanAction => a !== null);
	return [...fresh, ...rises, ...duplicateActions(debits)];
}
