/**
 * The non-recours engine: evaluates the 16 benefits of a household for a month in the after-claiming
 * state (family benefits → AAH → housing aid ⇄ RSA → PPA → the rest), then applies what the household
 * declares and what its bank credits show (engine-results.ts). A benefit that counts in another's
 * resources and cannot be computed makes the dependent one `maybe`, never computed as if it were zero.
 * Pure: profile + parameters + evidence in, result JSON out.
 */
import Decimal from 'decimal.js';
import { centsToDecimal } from '$lib/money';
import { evaluateGate, type GateOutcome } from './conditions';
import { counts, draft, eur, Facts, ParamReader, ZERO, type Draft } from './context';
import { definitionsById, type BenefitDefinition } from './definitions';
import { assembleResults, type Slot } from './engine-results';
import { detectReceivedFromEvidence } from './evidence';
import { evaluateAf, evaluateCf, type FamilyOutcome } from './family';
import { evaluateArs, evaluateAsf, evaluatePaje } from './family-others';
import { evaluateCss } from './health';
import { evaluateAl, evaluateFsl, type AlOutcome } from './housing';
import { evaluateRsa, type MinimaDeps, type RsaOutcome, type UncertainResource } from './minima';
import { evaluatePpa } from './ppa';
import { evaluateAss, evaluatePrimeNoel } from './minima-others';
import { evaluateAah, evaluateAsi, evaluateAspa, evaluateChequeEnergie } from './others';
import { BenefitParameterError, DEFAULT_BENEFIT_PARAMETERS } from './parameters';
import { sentence } from './plain';
import { toHousehold } from './profile';
import type {
	BenefitEvidence,
	BenefitId,
	BenefitParameter,
	BenefitsResult,
	DetectedBenefit,
	Household,
	HouseholdProfile
} from './types';

export interface EvaluateOptions {
	/** The household's recent bank credits. */
	evidence?: BenefitEvidence;
	/** The benefits as data (texts, conditions, evidence patterns); the seed when absent. */
	definitions?: readonly BenefitDefinition[];
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
			interim: false,
			plain: sentence(gate.reasons[0] ?? 'Une condition de cette aide n’est pas remplie')
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
			reasons: [...d.reasons, `Sous le seuil de versement (${r.cite(def.paymentThresholdKey)}).`],
			plain: sentence(
				`Le montant calculé (${eur(d.gross ?? d.amount)}) est inférieur au minimum versé (${eur(threshold)})`
			)
		});
	}
}

const NO_FAMILY: FamilyOutcome = { draft: draft('maybe', null, []), forResources: ZERO };
const NO_AL: AlOutcome = { draft: draft('maybe', null, []), gross: null };
const NO_RSA: RsaOutcome = { draft: draft('maybe', null, []), positive: false };
const NO_DRAFT = draft('maybe', null, []);
const same = (d: Draft) => d;

/** What the family benefits bring to the RSA/PPA resources, and what is only possible or unknown. */
interface FamilyResources {
	total: Decimal;
	uncertain: UncertainResource[];
	unknown: string[];
}

const FAMILY: readonly [BenefitId, string, (r: ParamReader, f: Facts) => FamilyOutcome][] = [
	['af', 'les allocations familiales', evaluateAf],
	['cf', 'le complément familial', evaluateCf],
	['asf', 'l’allocation de soutien familial', evaluateAsf],
	['paje_base', 'l’allocation de base de la PAJE', evaluatePaje]
];

/** One evaluation of a household for a month (the state the steps share). */
class Evaluation {
	readonly h: Household;
	readonly f: Facts;
	readonly month: string;
	readonly defs: Record<BenefitId, BenefitDefinition>;
	readonly detected: DetectedBenefit[];
	readonly seen = new Map<BenefitId, DetectedBenefit>();
	readonly declared: Set<BenefitId>;
	readonly slots = new Map<BenefitId, Slot>();

	constructor(
		profile: HouseholdProfile,
		readonly params: readonly BenefitParameter[],
		options: EvaluateOptions
	) {
		this.h = toHousehold(profile);
		this.f = new Facts(this.h);
		this.month = this.h.month;
		this.defs = definitionsById(options.definitions);
		this.detected = options.evidence
			? detectReceivedFromEvidence(options.evidence, { month: this.month, definitions: options.definitions })
			: [];
		for (const d of this.detected)
			if (d.benefit && d.received && !this.seen.has(d.benefit)) this.seen.set(d.benefit, d);
		this.declared = new Set(this.h.received);
	}

	isReceived(id: BenefitId): boolean {
		return this.declared.has(id) || this.seen.has(id);
	}

	/**
	 * Runs one benefit's formula with its own parameter reader, then its conditions and payment threshold;
	 * a missing parameter gives `maybe` with the reason (`failed` holds it).
	 */
	run<T>(id: BenefitId, rule: (r: ParamReader) => T, toDraft: (t: T) => Draft, fallback: T) {
		const r = new ParamReader(this.params, this.month);
		try {
			const value = rule(r);
			const d = toDraft(value);
			applyGate(d, evaluateGate(this.defs[id].conditions, this.f, r));
			applyThreshold(d, this.defs[id], r);
			return { value, slot: { draft: d, cited: r.citations() } as Slot, failed: null as string | null };
		} catch (e) {
			if (!(e instanceof BenefitParameterError)) throw e;
			const d = draft('maybe', null, [`Estimation impossible pour ce mois : ${e.message}`]);
			d.plain = sentence(
				`Impossible d’estimer pour ce mois : ${this.defs[id].label.charAt(0).toLowerCase()}${this.defs[id].label.slice(1)} (un barème manque, un conseiller peut le compléter)`
			);
			return { value: fallback, slot: { draft: d, cited: r.citations() } as Slot, failed: e.message };
		}
	}

	/** AF, CF, ASF, PAJE: their slots, and what they bring to the RSA/PPA resources. */
	family(): FamilyResources {
		const out: FamilyResources = { total: ZERO, uncertain: [], unknown: [] };
		for (const [id, name, rule] of FAMILY) {
			const o = this.run(
				id,
				(r) => rule(r, this.f),
				(x) => x.draft,
				NO_FAMILY
			);
			this.slots.set(id, o.slot);
			const d = o.slot.draft;
			if (o.failed) out.unknown.push(`${name} (${o.failed})`);
			else if (counts(d) || d.status === 'received') out.total = out.total.plus(o.value.forResources);
			else if (d.status === 'maybe' && o.value.forResources.gt(0)) {
				out.total = out.total.plus(o.value.forResources);
				out.uncertain.push({
					name: `${name} (${eur(o.value.forResources)})`,
					amount: o.value.forResources,
					questions: d.questions
				});
			}
		}
		return out;
	}

	/** AAH: received amount, and whether it is to claim first (the RSA is then an interim right). */
	aah(): { received: Decimal; claimable: boolean; amount: Decimal | null } {
		const aah = this.run('aah', (r) => evaluateAah(r, this.f), same, NO_DRAFT);
		this.slots.set('aah', aah.slot);
		const ev = this.seen.get('aah');
		const received = this.isReceived('aah')
			? (aah.value.amount ?? (ev ? centsToDecimal(ev.monthlyAverage) : ZERO))
			: ZERO;
		const claimable =
			!this.isReceived('aah') &&
			(aah.value.status === 'eligible' || aah.value.status === 'maybe') &&
			aah.value.amount !== null;
		return { received, claimable, amount: aah.value.amount };
	}

	/** What the RSA and PPA take from the housing aid: the forfait logement whenever the AL is paid or possible. */
	alDeps(al: {
		value: AlOutcome;
		failed: string | null;
	}): Pick<MinimaDeps, 'alCounts' | 'alNet'> & { note: UncertainResource | null } {
		const d = al.value.draft;
		const received = this.isReceived('al') || this.h.aidPaidToLandlord === true;
		const flagged = d.amount !== null && (d.status === 'eligible' || d.status === 'maybe');
		const renter = ['tenant_private', 'tenant_furnished', 'tenant_social', 'hostel'].includes(
			this.h.housingStatus ?? ''
		);
		const possible =
			!received && !flagged && renter && (al.failed !== null || (d.status === 'maybe' && d.amount === null));
		const note = possible
			? {
					name: 'l’aide au logement, pas encore estimée (forfait logement compté en entier)',
					amount: ZERO,
					questions: d.questions
				}
			: null;
		return { alCounts: received || flagged || possible, alNet: d.amount, note };
	}

	result(): BenefitsResult {
		const family = this.family();
		const aah = this.aah();
		const { rsa, al, ass } = this.housingAndRsa(family, aah);
		this.rest({ family, aah, rsa, al, ass });
		return assembleResults(this, this.detected);
	}

	/** Housing aid ⇄ RSA, with the ASS and the ASPA to claim first. */
	housingAndRsa(family: FamilyResources, aah: ReturnType<Evaluation['aah']>) {
		const f = this.f;
		const ass = this.run('ass', (r) => evaluateAss(r, f), same, NO_DRAFT);
		const assPaid = ass.value.status === 'received' || this.isReceived('ass');
		let al = this.run(
			'al',
			(r) => evaluateAl(r, f, assPaid),
			(o) => o.draft,
			NO_AL
		);
		const aspaFirst = this.run('aspa', (r) => evaluateAspa(r, f), same, NO_DRAFT).value;
		const priorBenefits = [ass.value, aspaFirst].reduce(
			(s, d) => (d.status === 'eligible' && d.amount !== null ? s.plus(d.amount) : s),
			ZERO
		);
		const deps = (a: typeof al): MinimaDeps => {
			const { note, ...alPart } = this.alDeps(a);
			return {
				familyResources: family.total,
				aahReceived: aah.received,
				aahClaimable: aah.claimable,
				priorBenefits,
				uncertain: note ? [...family.uncertain, note] : family.uncertain,
				unknown: family.unknown,
				...alPart
			};
		};
		let rsa = this.run(
			'rsa',
			(r) => evaluateRsa(r, f, deps(al)),
			(o) => o.draft,
			NO_RSA
		);
		if ((rsa.value.positive || this.isReceived('rsa')) && !assPaid) {
			// With the RSA, earned and unemployment income no longer count for the housing aid.
			const again = this.run(
				'al',
				(r) => evaluateAl(r, f, true),
				(o) => o.draft,
				NO_AL
			);
			if ((again.value.draft.amount ?? ZERO).gt(al.value.draft.amount ?? ZERO)) {
				al = again;
				rsa = this.run(
					'rsa',
					(r) => evaluateRsa(r, f, deps(al)),
					(o) => o.draft,
					NO_RSA
				);
			}
		}
		this.slots.set('al', al.slot).set('rsa', rsa.slot).set('ass', ass.slot);
		this.slots.set('ppa', this.run('ppa', (r) => evaluatePpa(r, f, deps(al)), same, NO_DRAFT).slot);
		return { rsa: rsa.value.draft, al: al.value.draft, ass: ass.value };
	}

	/** Prime de Noël, ASPA, CSS, ASI, chèque énergie, FSL. */
	rest(x: { family: FamilyResources; aah: ReturnType<Evaluation['aah']>; rsa: Draft; al: Draft; ass: Draft }) {
		const f = this.f;
		const withReceived = (id: BenefitId, d: Draft): Draft => (this.isReceived(id) ? { ...d, status: 'received' } : d);
		const noel = this.run(
			'prime_noel',
			(r) => evaluatePrimeNoel(r, f, withReceived('rsa', x.rsa), withReceived('ass', x.ass)),
			same,
			NO_DRAFT
		);
		this.slots.set('prime_noel', noel.slot);
		this.slots.set(
			'ars',
			this.run(
				'ars',
				(r) => evaluateArs(r, f, this.hasCafRelationship()),
				(o) => o.draft,
				NO_FAMILY
			).slot
		);
		const aspa = this.run('aspa', (r) => evaluateAspa(r, f), same, NO_DRAFT);
		this.slots.set('aspa', aspa.slot);
		const receivedAmount = (id: BenefitId): Decimal => {
			if (!this.isReceived(id)) return ZERO;
			const d = id === 'aspa' ? aspa.value : (this.slots.get(id)?.draft ?? NO_DRAFT);
			const ev = this.seen.get(id);
			return d.amount ?? (ev ? centsToDecimal(ev.monthlyAverage) : ZERO);
		};
		const alPaid = this.isReceived('al') || this.h.aidPaidToLandlord === true;
		const css = this.run(
			'css',
			(r) =>
				evaluateCss(r, f, {
					rsaPaid: this.isReceived('rsa') || (x.rsa.status === 'eligible' && !x.rsa.interim),
					familyReceived: receivedAmount('af').plus(receivedAmount('cf')).plus(receivedAmount('asf')),
					aahReceived: x.aah.received,
					aahRecipients: this.isReceived('aah')
						? Math.max(1, f.adults.filter((m) => (m.disabilityRate ?? 0) >= 50).length)
						: 0,
					aspaReceived: receivedAmount('aspa'),
					alReceived: alPaid ? x.al.amount : null,
					aahClaimable: x.aah.claimable ? x.aah.amount : null,
					alFlagged: x.al.status === 'eligible' ? x.al.amount : null
				}),
			same,
			NO_DRAFT
		);
		this.slots.set('css', css.slot);
		this.slots.set('asi', this.run('asi', (r) => evaluateAsi(r, f), same, NO_DRAFT).slot);
		this.slots.set(
			'cheque_energie',
			this.run('cheque_energie', (r) => evaluateChequeEnergie(r, f), same, NO_DRAFT).slot
		);
		this.slots.set('fsl', this.run('fsl', () => evaluateFsl(f), same, NO_DRAFT).slot);
	}

	/** Known to the CAF: CAF/MSA credits in the statements or a CAF benefit declared as received. */
	hasCafRelationship(): boolean {
		return (
			this.detected.some((d) => d.payer === 'CAF' || d.payer === 'MSA') ||
			this.h.received.some((id) => this.defs[id].payer === 'CAF')
		);
	}
}

export type { Evaluation };

/**
 * Evaluates every benefit of the contract for `profile.month` with the parameters in force that month.
 * Throws ProfileValidationError on an invalid profile.
 */
export function evaluateBenefits(
	profile: HouseholdProfile,
	params: readonly BenefitParameter[] = DEFAULT_BENEFIT_PARAMETERS,
	options: EvaluateOptions = {}
): BenefitsResult {
	return new Evaluation(profile, params, options).result();
}
