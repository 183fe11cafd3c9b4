/** Actions that bring money in: benefits to claim, fees to reclaim, the offre spécifique to ask for. */
import { formatMonthFr } from '$lib/dates';
import { formatEur, type Cents } from '$lib/money';
import { OSCF_LOOKBACK_MONTHS, OSCF_MAX_MONTHLY_PRICE } from './parameters';
import { checkTitle, claimTitle } from './benefit-words';
import type { BenefitInput, FeeInput, OscfInput, PlanAction } from './types';

/** One action per benefit the engine finds eligible (high) or possibly eligible (medium). */
export function benefitActions(benefits: readonly BenefitInput[]): PlanAction[] {
	return benefits.map((b) => {
		const monthly = b.period === 'month' ? b.amount : null;
		const oneOff = b.period !== 'month' ? b.amount : null;
		const amountText =
			b.amount === null
				? ''
				: b.period === 'month'
					? `\u00a0: environ ${formatEur(b.amount)} par mois`
					: `\u00a0: environ ${formatEur(b.amount)}${b.period === 'year' ? ' par an' : ''}`;
		return {
			key: `benefit:${b.benefit}`,
			kind: 'benefit_claim',
			title: `${b.status === 'eligible' ? claimTitle(b.benefit, b.label) : checkTitle(b.benefit, b.label)}${amountText}`,
			monthlyImpact: monthly,
			oneOffImpact: oneOff,
			confidence: b.status === 'eligible' ? 'high' : 'medium',
			urgent: false,
			dueDate: null,
			evidence: [b.summary, ...b.reasons],
			step: {
				text: `${b.nextStep} Où\u00a0: ${b.where}.`,
				target: b.link ? { kind: 'external', url: b.link.url, label: b.link.label } : { kind: 'benefits' },
				documents: b.documents,
				options: []
			}
		};
	});
}

/** The fees charged above the legal caps, with the letter to the bank. */
export function feeRefundAction(fees: FeeInput | null): PlanAction | null {
	if (!fees || fees.reclaimable <= 0) return null;
	const period = fees.from && fees.to ? ` (incidents de ${formatMonthFr(fees.from)} à ${formatMonthFr(fees.to)})` : '';
	return {
		key: 'fee_refund',
		kind: 'fee_refund',
		title: `Réclamer ${formatEur(fees.reclaimable)} de frais bancaires au-delà des plafonds`,
		monthlyImpact: null,
		oneOffImpact: fees.reclaimable,
		confidence: 'high',
		urgent: false,
		dueDate: null,
		evidence: [
			`La banque a prélevé ${formatEur(fees.reclaimable)} de plus que ce que la loi permet${period}.`,
			...(fees.status === 'fragile'
				? ['Plafonds des clients fragiles appliqués\u00a0: la banque aurait dû les appliquer.']
				: []),
			...fees.reasons
		],
		step: {
			text: 'Imprimez la lettre, signez-la et envoyez-la à votre agence en recommandé avec accusé de réception.',
			target: { kind: 'fee_letter', fragile: fees.status === 'fragile' },
			documents: ['Les relevés de compte des mois concernés'],
			options: []
		}
	};
}

/**
 * The offre spécifique clients fragiles when the signals say the bank should offer it: the incident fees
 * the OSCF caps would have avoided over the last 12 months, beyond what is already reclaimable, less the
 * offer's own price (at most 3 € per month). Shown only when that saving is positive.
 */
export function oscfAction(oscf: OscfInput | null): PlanAction | null {
	if (!oscf || !oscf.regulatoryFragile) return null;
	const avoided: Cents = oscf.reclaimableIfOscf - oscf.reclaimableNow;
	const monthly = Math.floor(avoided / OSCF_LOOKBACK_MONTHS) - OSCF_MAX_MONTHLY_PRICE;
	if (monthly <= 0) return null;
	return {
		key: 'oscf_request',
		kind: 'oscf_request',
		title: `Demander l’offre spécifique clients fragiles\u00a0: environ ${formatEur(monthly)} par mois de frais en moins`,
		monthlyImpact: monthly,
		oneOffImpact: null,
		confidence: 'medium',
		urgent: false,
		dueDate: null,
		evidence: [
			`Frais d’incident des 12 derniers mois\u00a0: ${formatEur(oscf.incidentFees12m)}.`,
			`Avec l’offre spécifique, ${formatEur(avoided)} de ces frais n’auraient pas pu être prélevés (plafonds de 20 € par mois et 200 € par an).`,
			`L’offre coûte au plus ${formatEur(OSCF_MAX_MONTHLY_PRICE)} par mois\u00a0: c’est déjà déduit.`,
			...oscf.signals.map((s) => `Signal de fragilité\u00a0: ${s}.`)
		],
		step: {
			text: 'Demandez l’offre spécifique à votre banque\u00a0: la lettre de réclamation la demande aussi, et la banque doit vous la proposer.',
			// shown only to a client fragile in law: the letter claims with the reduced caps
			target: { kind: 'fee_letter', fragile: true },
			documents: ['Une pièce d’identité', 'Vos trois derniers relevés de compte'],
			options: []
		}
	};
}
