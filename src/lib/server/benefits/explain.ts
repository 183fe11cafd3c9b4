/**
 * What a household reads first for each benefit (BenefitResult.forHousehold): one plain French sentence
 * built from its answers (the rule's own sentence, see plain.ts), the "why not" of a benefit screened and
 * not found, the next step, the documents and the link to the claim form or online service. The formula
 * with its parameters stays in `reasons` and `parameters`, for advisers ("Détail du calcul").
 */
import Decimal from 'decimal.js';
import { eur } from './context';
import { sentence } from './plain';
import type { BenefitResult, ClaimInfo, ClaimLink, HouseholdExplanation } from './types';

const LINK_ORDER: ClaimLink['kind'][] = ['online', 'form', 'info'];

/** The link a household should follow: the online service, else the form, else the official page. */
export function primaryLink(claim: ClaimInfo): ClaimLink | null {
	const links = claim.links ?? [];
	for (const kind of LINK_ORDER) {
		const l = links.find((x) => x.kind === kind);
		if (l) return l;
	}
	return null;
}

function amountWords(res: BenefitResult): string {
	if (res.amount === null || new Decimal(res.amount).lte(0)) return '';
	const per = res.period === 'month' ? ' par mois' : res.period === 'year' ? ' par an' : '';
	return ` (environ ${eur(new Decimal(res.amount))}${per})`;
}

function lower(label: string): string {
	return label.charAt(0).toLowerCase() + label.slice(1);
}

/** The sentence of a result whose rule gave none (received, or a definition's own condition). */
function fallbackSummary(res: BenefitResult): string {
	const label = lower(res.label);
	switch (res.status) {
		case 'eligible':
			return `Vous pourriez avoir droit à : ${label}${amountWords(res)}`;
		case 'maybe':
			return `Vous pourriez avoir droit à : ${label}${amountWords(res)} ; une réponse manque pour le confirmer`;
		case 'info':
			return `${res.label} : versement automatique${amountWords(res)}`;
		case 'received':
			return `Vous touchez déjà : ${label}${amountWords(res)}`;
		case 'not_eligible':
			return `D’après vos réponses, vous n’avez pas droit à : ${label}`;
	}
}

/** The received sentence says where the knowledge comes from (declared, bank statements, landlord). */
function receivedSummary(res: BenefitResult): string {
	const label = lower(res.label);
	const amount = amountWords(res);
	if (res.reasons.some((r) => r.includes('tiers payant')))
		return `Vous touchez déjà : ${label}${amount}, versée directement à votre bailleur`;
	if (res.evidence.length > 0) return `D’après vos relevés de compte, vous touchez déjà : ${label}${amount}`;
	return `Vous touchez déjà : ${label}${amount}`;
}

function nextStep(res: BenefitResult, claim: ClaimInfo): string {
	switch (res.status) {
		case 'eligible':
			if (res.interim) return `Demandez d’abord l’AAH ; en attendant, ${lower(claim.how)}`;
			return claim.how;
		case 'maybe':
			return res.questions.length > 0 ? `Pour le savoir, répondez à cette question : ${res.questions[0]}` : claim.how;
		case 'received':
			return res.reasons.some((r) => r.startsWith('Vérifier le montant'))
				? `Le montant reçu semble différent de l’estimation : demandez un réexamen auprès de : ${claim.where}.`
				: 'Rien à demander : vérifiez seulement que le montant versé correspond à votre situation.';
		case 'info':
			return 'Rien à demander : le versement est automatique.';
		case 'not_eligible':
			return 'Rien à faire pour l’instant ; à revoir si votre situation change (revenus, famille, logement).';
	}
}

/** The household's explanation of one result, from its rule's sentence (`plain`) and the definition's claim. */
export function householdExplanation(
	res: BenefitResult,
	plain: string | undefined,
	claim: ClaimInfo
): HouseholdExplanation {
	const summary = sentence(res.status === 'received' ? receivedSummary(res) : (plain ?? fallbackSummary(res)));
	const claimable = res.status === 'eligible' || res.status === 'maybe';
	return {
		summary,
		whyNot: res.status === 'not_eligible' ? summary : null,
		nextStep: sentence(nextStep(res, claim)),
		documents: claimable ? [...claim.documents] : [],
		link: claimable ? primaryLink(claim) : null
	};
}
