/**
 * The non-recours engine: evaluates the 16 benefits of a household for a month in the after-claiming
 * state (family benefits → AAH → housing aid ⇄ RSA → PPA → the rest), then applies what the household
 * declares and what its bank credits show (received), and compares observed CAF credits with the total
 * expected. Pure: profile + parameters + evidence in, result JSON out.
 */
import Decimal from 'decimal.js';
import { formatEur, roundToCents, centsToDecimal } from '$lib/money';
import { evaluateGate, type GateOutcome } from './conditions';
import { counts, draft, Facts, ParamReader, ZERO, type Draft } from './context';
import { definitionsById, type BenefitDefinition } from './definitions';
import { CAF_MONTHLY_BENEFITS, detectReceivedFromEvidence } from './evidence';
import { evaluateAf, evaluateArs, evaluateAsf, evaluateCf, evaluatePaje, type FamilyOutcome } from './family';
import { evaluateAl, evaluateFsl, type AlOutcome } from './housing';
import { evaluateAss, evaluatePpa, evaluatePrimeNoel, evaluateRsa, type MinimaDeps, type RsaOutcome } from './minima';
import { evaluateAah, evaluateAsi, evaluateAspa, evaluateChequeEnergie, evaluateCss } from './others';
import { BenefitParameterError, DEFAULT_BENEFIT_PARAMETERS } from './parameters';
import { toHousehold } from './profile';
import {
	BENEFIT_IDS,
	type BenefitEvidence,
	type BenefitId,
	type BenefitParameter,
	type BenefitResult,
	type BenefitsResult,
	type CafCheck,
	type CitedParameter,
	type DetectedBenefit,
	type HouseholdProfile
} from './types';

export interface EvaluateOptions {
	/** The household's recent bank credits. */
	evidence?: BenefitEvidence;
	/** The benefits as data (texts, conditions, evidence patterns); the seed when absent. */
	definitions?: readonly BenefitDefinition[];
}

interface Slot {
	draft: Draft;
	cited: CitedParameter[];
}

/**
 * Applies a benefit's declarative conditions to what its formula found: a condition not met turns a
 * benefit the formula would flag into `not_eligible` with the condition's reason; an answer missing turns
 * `eligible` into `maybe` with the question to ask. A formula's `received` or `not_eligible` stands.
 */
function applyGate(d: Draft, gate: GateOutcome): void {
	if (gate.met === true || !(d.status === 'eligible' || d.status === 'maybe' || d.status === 'info')) return;
	if (gate.met === false) {
		Object.assign(d, {
			status: 'not_eligible',
			amount: null,
			gross: null,
			reasons: gate.reasons,
			questions: [],
			interim: false
		});
		return;
	}
	if (d.status === 'eligible') d.status = 'maybe';
	d.questions = [...d.questions, ...gate.questions];
}

/** The payment threshold of the definition, on the amount before CRDS (formulas also apply their own). */
function applyThreshold(d: Draft, def: BenefitDefinition, r: ParamReader): void {
	if (!def.paymentThresholdKey || d.status !== 'eligible' || d.amount === null) return;
	const threshold = r.get(def.paymentThresholdKey);
	if ((d.gross ?? d.amount).lt(threshold)) {
		Object.assign(d, {
			status: 'not_eligible',
			reasons: [...d.reasons, `Sous le seuil de versement (${r.cite(def.paymentThresholdKey)}).`]
		});
	}
}

const fam = (d: FamilyOutcome) => d.draft;
const NO_FAMILY: FamilyOutcome = { draft: draft('maybe', null, []), forResources: ZERO };

function str(d: Decimal | null | undefined): string | null {
	return d === null || d === undefined ? null : d.toFixed(2, Decimal.ROUND_HALF_UP);
}

/**
 * Evaluates every benefit of the contract for `profile.month` with the parameters in force that month.
 * Throws ProfileValidationError on an invalid profile.
 */
export function evaluateBenefits(
	profile: HouseholdProfile,
	params: readonly BenefitParameter[] = DEFAULT_BENEFIT_PARAMETERS,
	options: EvaluateOptions = {}
): BenefitsResult {
	const h = toHousehold(profile);
	const f = new Facts(h);
	const month = h.month;
	const defs = definitionsById(options.definitions);
	const detected: DetectedBenefit[] = options.evidence
		? detectReceivedFromEvidence(options.evidence, { month, definitions: options.definitions })
		: [];

	/**
	 * Runs one benefit's formula with its own parameter reader, then its conditions and payment threshold;
	 * a missing parameter gives `maybe` with the reason.
	 */
	function run<T>(
		id: BenefitId,
		rule: (r: ParamReader) => T,
		toDraft: (t: T) => Draft,
		fallback: T
	): { value: T; slot: Slot } {
		const r = new ParamReader(params, month);
		try {
			const value = rule(r);
			const d = toDraft(value);
			applyGate(d, evaluateGate(defs[id].conditions, f, r));
			applyThreshold(d, defs[id], r);
			return { value, slot: { draft: d, cited: r.citations() } };
		} catch (e) {
			if (!(e instanceof BenefitParameterError)) throw e;
			return {
				value: fallback,
				slot: {
					draft: draft('maybe', null, [`Estimation impossible pour ce mois : ${e.message}`]),
					cited: r.citations()
				}
			};
		}
	}
	const seen = new Map<BenefitId, DetectedBenefit>();
	for (const d of detected) if (d.benefit && d.received && !seen.has(d.benefit)) seen.set(d.benefit, d);
	const declared = new Set<BenefitId>(h.received);
	const isReceived = (id: BenefitId) => declared.has(id) || seen.has(id);
	const cafDetected = detected.some((d) => d.payer === 'CAF' || d.payer === 'MSA');
	const hasCafRelationship = cafDetected || h.received.some((id) => defs[id].payer === 'CAF');

	const slots = new Map<BenefitId, Slot>();
	const af = run('af', (r) => evaluateAf(r, f), fam, NO_FAMILY);
	const cf = run('cf', (r) => evaluateCf(r, f), fam, NO_FAMILY);
	const asf = run('asf', (r) => evaluateAsf(r, f), fam, NO_FAMILY);
	const paje = run('paje_base', (r) => evaluatePaje(r, f), fam, NO_FAMILY);
	const ars = run('ars', (r) => evaluateArs(r, f, hasCafRelationship), fam, NO_FAMILY);
	slots.set('af', af.slot).set('cf', cf.slot).set('asf', asf.slot).set('paje_base', paje.slot).set('ars', ars.slot);
	const familyResources = [af, cf, asf, paje].reduce(
		(s, o) => (counts(o.slot.draft) || isReceivedDraft(o.slot.draft) ? s.plus(o.value.forResources) : s),
		ZERO
	);
	// A benefit counts in the after-claiming state when flagged or received.
	function isReceivedDraft(d: Draft): boolean {
		return d.status === 'received';
	}

	const aah = run(
		'aah',
		(r) => evaluateAah(r, f),
		(d) => d,
		draft('maybe', null, [])
	);
	slots.set('aah', aah.slot);
	const aahSeen = seen.get('aah');
	const aahReceived = isReceived('aah')
		? (aah.value.amount ?? (aahSeen ? centsToDecimal(aahSeen.monthlyAverage) : ZERO))
		: ZERO;
	const aahClaimable =
		!isReceived('aah') &&
		(aah.value.status === 'eligible' || aah.value.status === 'maybe') &&
		aah.value.amount !== null;

	// Housing aid ⇄ RSA: a first AL, the RSA with its forfait logement, then the AL again with earned and
	// unemployment income neutralised if the household gets the RSA (or the ASS).
	const ass = run(
		'ass',
		(r) => evaluateAss(r, f),
		(d) => d,
		draft('maybe', null, [])
	);
	const assPaid = ass.value.status === 'received' || isReceived('ass');
	const NO_AL: AlOutcome = { draft: draft('maybe', null, []), gross: null };
	let al = run(
		'al',
		(r) => evaluateAl(r, f, assPaid),
		(o) => o.draft,
		NO_AL
	);
	const NO_RSA: RsaOutcome = { draft: draft('maybe', null, []), positive: false };
	const alDeps = (o: AlOutcome): Pick<MinimaDeps, 'alCounts' | 'alNet'> => {
		const received = isReceived('al') || h.aidPaidToLandlord === true;
		const flagged = o.draft.amount !== null && (o.draft.status === 'eligible' || o.draft.status === 'maybe');
		return { alCounts: received || flagged, alNet: o.draft.amount };
	};
	const aspaFirst = run(
		'aspa',
		(r) => evaluateAspa(r, f),
		(d) => d,
		draft('maybe', null, [])
	).value;
	const priorBenefits = [ass.value, aspaFirst].reduce(
		(s, d) => (d.status === 'eligible' && d.amount !== null ? s.plus(d.amount) : s),
		ZERO
	);
	const deps = (o: AlOutcome): MinimaDeps => ({
		familyResources,
		aahReceived,
		aahClaimable,
		priorBenefits,
		...alDeps(o)
	});
	let rsa = run(
		'rsa',
		(r) => evaluateRsa(r, f, deps(al.value)),
		(o) => o.draft,
		NO_RSA
	);
	if ((rsa.value.positive || isReceived('rsa')) && !assPaid) {
		const again = run(
			'al',
			(r) => evaluateAl(r, f, true),
			(o) => o.draft,
			NO_AL
		);
		if ((again.value.draft.amount ?? ZERO).gt(al.value.draft.amount ?? ZERO)) {
			al = again;
			rsa = run(
				'rsa',
				(r) => evaluateRsa(r, f, deps(al.value)),
				(o) => o.draft,
				NO_RSA
			);
		}
	}
	slots.set('al', al.slot).set('rsa', rsa.slot).set('ass', ass.slot);
	slots.set(
		'ppa',
		run(
			'ppa',
			(r) => evaluatePpa(r, f, deps(al.value)),
			(d) => d,
			draft('maybe', null, [])
		).slot
	);
	slots.set(
		'prime_noel',
		run(
			'prime_noel',
			(r) => evaluatePrimeNoel(r, f, withReceived('rsa', rsa.value.draft), withReceived('ass', ass.value)),
			(d) => d,
			draft('maybe', null, [])
		).slot
	);

	function withReceived(id: BenefitId, d: Draft): Draft {
		return isReceived(id) ? { ...d, status: 'received' } : d;
	}

	const aspa = run(
		'aspa',
		(r) => evaluateAspa(r, f),
		(d) => d,
		draft('maybe', null, [])
	);
	slots.set('aspa', aspa.slot);
	const receivedAmount = (id: BenefitId, d: Draft): Decimal => {
		if (!isReceived(id)) return ZERO;
		const ev = seen.get(id);
		return d.amount ?? (ev ? centsToDecimal(ev.monthlyAverage) : ZERO);
	};
	const rsaDraft = rsa.value.draft;
	slots.set(
		'css',
		run(
			'css',
			(r) =>
				evaluateCss(r, f, {
					rsaPaid: isReceived('rsa') || (rsaDraft.status === 'eligible' && !rsaDraft.interim),
					familyReceived: receivedAmount('af', af.slot.draft)
						.plus(receivedAmount('cf', cf.slot.draft))
						.plus(receivedAmount('asf', asf.slot.draft)),
					aahReceived,
					aahRecipients: isReceived('aah')
						? Math.max(1, f.adults.filter((m) => (m.disabilityRate ?? 0) >= 50).length)
						: 0,
					aspaReceived: receivedAmount('aspa', aspa.value),
					alReceived: isReceived('al') || h.aidPaidToLandlord === true ? al.value.draft.amount : null,
					aahClaimable: aahClaimable ? aah.value.amount : null,
					alFlagged: al.value.draft.status === 'eligible' ? al.value.draft.amount : null
				}),
			(d) => d,
			draft('maybe', null, [])
		).slot
	);
	slots.set(
		'asi',
		run(
			'asi',
			(r) => evaluateAsi(r, f),
			(d) => d,
			draft('maybe', null, [])
		).slot
	);
	slots.set(
		'cheque_energie',
		run(
			'cheque_energie',
			(r) => evaluateChequeEnergie(r, f),
			(d) => d,
			draft('maybe', null, [])
		).slot
	);
	slots.set(
		'fsl',
		run(
			'fsl',
			() => evaluateFsl(f),
			(d) => d,
			draft('maybe', null, [])
		).slot
	);

	// Received: declared by the household, seen in the bank credits, or housing aid paid to the landlord.
	const results: BenefitResult[] = [];
	for (const id of BENEFIT_IDS) {
		const slot = slots.get(id) as Slot;
		const d = slot.draft;
		const entry = defs[id];
		const result: BenefitResult = {
			benefit: id,
			label: entry.label,
			status: d.status,
			amount: str(d.amount),
			period: entry.period,
			reasons: [...d.reasons],
			claim: entry.claim,
			questions: [...new Set(d.questions)],
			evidence: [],
			parameters: slot.cited
		};
		if (entry.crds && d.gross !== undefined) result.grossAmount = str(d.gross);
		if (id === 'css') result.participation = str(d.participation ?? null) ?? undefined;
		if (d.interim) result.interim = true;
		const ev = seen.get(id);
		const paidToLandlord = id === 'al' && h.aidPaidToLandlord === true && d.amount !== null;
		if (declared.has(id) || ev || paidToLandlord) {
			result.status = 'received';
			if (declared.has(id)) result.reasons.unshift('Déclarée comme déjà perçue par le foyer.');
			if (paidToLandlord) result.reasons.unshift('Versée directement au bailleur (tiers payant).');
			if (ev) {
				result.evidence = ev.evidence;
				result.reasons.unshift(`Déjà perçue d'après les relevés : ${ev.evidence[0]}.`);
				if (result.amount === null) result.amount = centsToDecimal(ev.monthlyAverage).toFixed(2);
				else if (d.amount !== null) {
					const gap = centsToDecimal(ev.monthlyAverage).minus(d.amount).abs();
					if (gap.gt(Decimal.max(30, d.amount.times(0.15))) && entry.period === 'month') {
						result.reasons.push(
							`Vérifier le montant : ${formatEur(ev.monthlyAverage)} perçus contre ${formatEur(roundToCents(d.amount))} estimés.`
						);
					}
				}
			}
			result.questions = [];
		}
		results.push(result);
	}

	const cafCheck = compareCaf(detected, results);
	if (cafCheck && !cafCheck.alert) {
		// Unidentified CAF credits that match the expected total: the CAF benefits are probably all paid.
		for (const res of results) {
			if (
				res.status === 'eligible' &&
				CAF_MONTHLY_BENEFITS.includes(res.benefit) &&
				detected.some((d) => d.benefit === null)
			) {
				res.status = 'received';
				res.reasons.unshift(
					`Probablement déjà perçue : les virements CAF observés (${formatEur(cafCheck.observedMonthly)} par mois) couvrent le total attendu.`
				);
				res.evidence = detected.filter((d) => d.benefit === null).flatMap((d) => d.evidence);
			}
		}
	} else if (cafCheck?.alert) {
		for (const res of results) {
			if (res.status === 'eligible' && CAF_MONTHLY_BENEFITS.includes(res.benefit)) res.reasons.push(cafCheck.message);
		}
	}

	// AAH first when both AAH and RSA are possible (the RSA is subsidiary).
	const iAah = results.findIndex((x) => x.benefit === 'aah');
	const aahRes = results[iAah];
	if (aahRes.status === 'eligible' || aahRes.status === 'maybe') {
		results.splice(iAah, 1);
		results.unshift(aahRes);
	}
	return { month, results, cafCheck };
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
