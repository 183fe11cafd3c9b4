/**
 * The result JSON of an evaluation: each benefit's draft as a contract result, then what the household
 * declares and what its bank credits show (received), the comparison of the observed CAF credits with the
 * total expected (rule 3 of benefits.md), the AAH first when it is to claim, and the household's plain
 * explanation of every result (explain.ts).
 */
import Decimal from 'decimal.js';
import { centsToDecimal, formatEur, roundToCents } from '$lib/money';
import { ZERO, type Draft } from './context';
import { DEFAULT_BENEFIT_DEFINITIONS, type BenefitDefinition } from './definitions';
import { CAF_MONTHLY_BENEFITS } from './evidence';
import { householdExplanation } from './explain';
import {
	BENEFIT_IDS,
	type BenefitId,
	type BenefitResult,
	type BenefitsResult,
	type CafCheck,
	type CitedParameter,
	type ClaimInfo,
	type DetectedBenefit
} from './types';

export interface Slot {
	draft: Draft;
	cited: CitedParameter[];
}

/** What assembleResults reads of an evaluation. */
export interface EvaluationState {
	month: string;
	h: { aidPaidToLandlord: boolean | null };
	defs: Record<BenefitId, BenefitDefinition>;
	slots: Map<BenefitId, Slot>;
	seen: Map<BenefitId, DetectedBenefit>;
	declared: Set<BenefitId>;
}

function str(d: Decimal | null | undefined): string | null {
	return d === null || d === undefined ? null : d.toFixed(2, Decimal.ROUND_HALF_UP);
}

const SEED_CLAIMS = Object.fromEntries(DEFAULT_BENEFIT_DEFINITIONS.map((d) => [d.id, d.claim])) as Record<
	BenefitId,
	ClaimInfo
>;

/** The definition's claim; its links are the seed's when the definition was published before links existed. */
function claimOf(def: BenefitDefinition): ClaimInfo {
	return def.claim.links ? def.claim : { ...def.claim, links: SEED_CLAIMS[def.id]?.links ?? [] };
}

/** Received: declared by the household, seen in the bank credits, or housing aid paid to the landlord. */
function applyReceived(result: BenefitResult, d: Draft, ev: DetectedBenefit | undefined, s: EvaluationState): void {
	const declared = s.declared.has(result.benefit);
	const paidToLandlord = result.benefit === 'al' && s.h.aidPaidToLandlord === true && d.amount !== null;
	if (!(declared || ev || paidToLandlord)) return;
	result.status = 'received';
	if (declared) result.reasons.unshift('Déclarée comme déjà perçue par le foyer.');
	if (paidToLandlord) result.reasons.unshift('Versée directement au bailleur (tiers payant).');
	if (ev) {
		result.evidence = ev.evidence;
		result.reasons.unshift(`Déjà perçue d’après les relevés : ${ev.evidence[0]}.`);
		if (result.amount === null) result.amount = centsToDecimal(ev.monthlyAverage).toFixed(2);
		else if (d.amount !== null) {
			const gap = centsToDecimal(ev.monthlyAverage).minus(d.amount).abs();
			if (gap.gt(Decimal.max(30, d.amount.times(0.15))) && result.period === 'month') {
				result.reasons.push(
					`Vérifier le montant : ${formatEur(ev.monthlyAverage)} perçus contre ${formatEur(roundToCents(d.amount))} estimés.`
				);
			}
		}
	}
	result.questions = [];
}

function toResult(id: BenefitId, s: EvaluationState): BenefitResult {
	const slot = s.slots.get(id) as Slot;
	const d = slot.draft;
	const entry = s.defs[id];
	const result: BenefitResult = {
		benefit: id,
		label: entry.label,
		status: d.status,
		amount: str(d.amount),
		period: entry.period,
		reasons: [...d.reasons],
		claim: claimOf(entry),
		questions: [...new Set(d.questions)],
		evidence: [],
		parameters: slot.cited,
		forHousehold: { summary: '', whyNot: null, nextStep: '', documents: [], link: null }
	};
	if (entry.crds && d.gross !== undefined) result.grossAmount = str(d.gross);
	if (id === 'css') result.participation = str(d.participation ?? null) ?? undefined;
	if (d.interim) result.interim = true;
	applyReceived(result, d, s.seen.get(id), s);
	return result;
}

/** Unidentified CAF credits matching the expected total: the CAF benefits are probably all paid. */
function applyCafCheck(results: BenefitResult[], detected: DetectedBenefit[], cafCheck: CafCheck | null): void {
	if (cafCheck && !cafCheck.alert) {
		const unidentified = detected.filter((d) => d.benefit === null);
		if (unidentified.length === 0) return;
		for (const res of results) {
			if (res.status === 'eligible' && CAF_MONTHLY_BENEFITS.includes(res.benefit)) {
				res.status = 'received';
				res.reasons.unshift(
					`Probablement déjà perçue : les virements CAF observés (${formatEur(cafCheck.observedMonthly)} par mois) couvrent le total attendu.`
				);
				res.evidence = unidentified.flatMap((d) => d.evidence);
			}
		}
	} else if (cafCheck?.alert) {
		for (const res of results) {
			if (res.status === 'eligible' && CAF_MONTHLY_BENEFITS.includes(res.benefit)) res.reasons.push(cafCheck.message);
		}
	}
}

/** Every benefit of the contract as a result, in display order (the AAH first when it is to claim). */
export function assembleResults(s: EvaluationState, detected: DetectedBenefit[]): BenefitsResult {
	const results = BENEFIT_IDS.map((id) => toResult(id, s));
	const cafCheck = compareCaf(detected, results);
	applyCafCheck(results, detected, cafCheck);
	for (const res of results) {
		res.forHousehold = householdExplanation(res, (s.slots.get(res.benefit) as Slot).draft.plain, res.claim);
	}
	// AAH first when both AAH and RSA are possible (the RSA is subsidiary).
	const iAah = results.findIndex((x) => x.benefit === 'aah');
	const aahRes = results[iAah];
	if (aahRes.status === 'eligible' || aahRes.status === 'maybe') {
		results.splice(iAah, 1);
		results.unshift(aahRes);
	}
	return { month: s.month, results, cafCheck };
}

/** Rule 3 of benefits.md: observed monthly CAF/MSA credits vs expected CAF benefits, gap > max(30 €, 15 %). */
function compareCaf(detected: DetectedBenefit[], results: BenefitResult[]): CafCheck | null {
	const caf = detected.filter(
		(d) => (d.payer === 'CAF' || d.payer === 'MSA') && !(d.benefit === 'ars' || d.benefit === 'prime_noel')
	);
	if (caf.length === 0) return null;
	const byMonth = new Map<string, number>();
	const seenCredit = new Set<string>();
	for (const d of caf)
		for (const c of d.credits) {
			const key = `${c.date}|${c.amount}|${c.label}`;
			if (seenCredit.has(key)) continue;
			seenCredit.add(key);
			byMonth.set(c.date.slice(0, 7), (byMonth.get(c.date.slice(0, 7)) ?? 0) + c.amount);
		}
	const totals = [...byMonth.values()];
	const observed = Math.round(totals.reduce((s, x) => s + x, 0) / totals.length);
	const expected = results
		.filter(
			(r) =>
				CAF_MONTHLY_BENEFITS.includes(r.benefit) &&
				(r.status === 'eligible' || r.status === 'received') &&
				r.amount !== null &&
				!r.interim
		)
		.filter((r) => !(r.benefit === 'al' && r.reasons.some((t) => t.includes('tiers payant'))))
		.reduce((s, r) => s.plus(new Decimal(r.amount as string)), ZERO);
	const expectedCents = roundToCents(expected);
	const gap = Math.abs(observed - expectedCents);
	const tolerance = Math.max(3000, Math.round(expectedCents * 0.15));
	const alert = gap > tolerance;
	const message = alert
		? `Vérifier les droits CAF : ${formatEur(observed)} perçus par mois contre ${formatEur(expectedCents)} attendus (écart de ${formatEur(gap)}).`
		: `Virements CAF observés (${formatEur(observed)} par mois) cohérents avec le total attendu (${formatEur(expectedCents)}).`;
	return { observedMonthly: observed, expectedMonthly: expectedCents, alert, message };
}
