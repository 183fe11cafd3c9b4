/**
 * A benefit as data: what the database's `benefit_definition` table holds for each of the 16 benefits
 * and admins edit at /admin/benefits — texts (label, description, where and how to claim, documents),
 * payer, period, payment threshold (a parameter key), the bank-label patterns that show it is already
 * received, its declarative eligibility conditions (see conditions.ts) and the name of its amount formula.
 *
 * Formulas are named: the engine's legal computations (family benefits, AL ⇄ RSA, PPA…) read every number
 * from the dated parameter table and never hold one of their own. The definitions below are the seed; the
 * database keeps every published version.
 */
import { BENEFIT_CATALOGUE, type CatalogueEntry } from './catalogue';
import { conditionParams, validateConditions, type Condition } from './conditions';
import { BENEFIT_IDS, type BenefitId, type BenefitPeriod, type ClaimInfo, type Payer } from './types';

export const PAYERS: readonly Payer[] = ['CAF', 'MSA', 'CPAM', 'CARSAT', 'FRANCE_TRAVAIL'];
export const PERIODS: readonly BenefitPeriod[] = ['month', 'year', 'once'];

export interface EvidencePatterns {
	/** Payers whose credits may carry the benefit. */
	payers: Payer[];
	/** Phrases of the normalised bank label (uppercase, no accents) naming the benefit, e.g. "PRIME ACTIVITE". */
	phrases: string[];
}

/** A catalogue entry (texts, payer, period, CRDS, threshold, claim) with its evidence, conditions and formula. */
export interface BenefitDefinition extends CatalogueEntry {
	evidence: EvidencePatterns;
	/** Every condition must hold (see conditions.ts). */
	conditions: Condition[];
	/** Name of the amount formula (FORMULAS). */
	formula: string;
}

/** The named amount formulas of the engine, each for its benefit, with what it computes in French. */
export const FORMULAS: Record<string, { benefit: BenefitId; description: string }> = {
	rsa_differentiel: {
		benefit: 'rsa',
		description:
			'Montant forfaitaire selon la composition du foyer (majoré pour un parent isolé) − ressources − forfait logement ; calculé après l’aide au logement.'
	},
	ppa_bonifiee: {
		benefit: 'ppa',
		description:
			'Montant forfaitaire + 59,85 % des revenus d’activité + bonifications individuelles − ressources (et forfait logement), net de CRDS.'
	},
	aide_logement_locatif: {
		benefit: 'al',
		description:
			'Loyer plafonné + charges − participation personnelle (P0 + TP × ressources), formule D823-16, net de CRDS.'
	},
	css_plafonds: {
		benefit: 'css',
		description:
			'Ressources des 12 derniers mois comparées aux plafonds (gratuite, puis avec participation selon l’âge).'
	},
	aah_differentiel: {
		benefit: 'aah',
		description: 'Montant de l’AAH − ressources propres (revenus d’activité abattus), par adulte.'
	},
	aspa_differentiel: { benefit: 'aspa', description: 'Plafond (personne seule ou couple) − ressources du foyer.' },
	af_bmaf: {
		benefit: 'af',
		description: 'Part de la BMAF selon le nombre d’enfants et leur âge, modulée selon les revenus, net de CRDS.'
	},
	cf_bmaf: {
		benefit: 'cf',
		description: 'Part de la BMAF (taux de base ou majoré) sous plafond de ressources, net de CRDS.'
	},
	ars_bmaf: {
		benefit: 'ars',
		description: 'Part de la BMAF par enfant selon son âge à la rentrée, sous plafond de ressources.'
	},
	asf_bmaf: {
		benefit: 'asf',
		description: 'Part de la BMAF par enfant élevé seul sans pension alimentaire versée, net de CRDS.'
	},
	paje_base_bmaf: {
		benefit: 'paje_base',
		description: 'Part de la BMAF pour un enfant de moins de 3 ans, sous plafond de ressources, net de CRDS.'
	},
	cheque_energie_bareme: {
		benefit: 'cheque_energie',
		description: 'Barème selon le revenu fiscal de référence par unité de consommation.'
	},
	prime_noel_forfait: {
		benefit: 'prime_noel',
		description: 'Forfait selon la composition du foyer pour les foyers au RSA ; forfait fixe pour l’ASS.'
	},
	ass_differentiel: {
		benefit: 'ass',
		description: 'Montant journalier × jours du mois − ressources au-delà du plafond.'
	},
	asi_differentiel: { benefit: 'asi', description: 'Plafond annuel − ressources, par mois.' },
	fsl_orientation: {
		benefit: 'fsl',
		description: 'Orientation vers le fonds du département en cas d’impayés (montant non estimé).'
	}
};

const RENTERS_ONLY: Condition = {
	type: 'housing',
	excludes: ['owner', 'hosted_free', 'homeless'],
	reason: 'Les aides au logement concernent les locataires et les résidents de foyer.'
};

/** Seed conditions: the gates each formula also applies, written declaratively. */
const SEED_CONDITIONS: Record<BenefitId, Condition[]> = {
	rsa: [
		{
			type: 'age',
			who: 'applicant',
			operator: '>=',
			value: { param: 'rsa.min_age_young' },
			reason: 'Le RSA n’est pas ouvert aux mineurs.'
		}
	],
	ppa: [
		{
			type: 'income',
			who: 'any_adult',
			sources: ['salary', 'selfEmployed'],
			operator: '>',
			value: 0,
			reason: 'La prime d’activité suppose des revenus d’activité (salaire ou travail indépendant).'
		}
	],
	al: [RENTERS_ONLY],
	css: [],
	aah: [
		{
			type: 'disability_rate',
			who: 'any_adult',
			operator: '>=',
			value: { param: 'aah.rate_partial' },
			reason: 'L’AAH suppose un taux d’incapacité d’au moins 50 % reconnu par la MDPH.',
			question: 'La MDPH a-t-elle reconnu un taux d’incapacité ? Lequel ?'
		}
	],
	aspa: [
		{
			type: 'age',
			who: 'any_adult',
			operator: '>=',
			value: { param: 'aspa.min_age' },
			reason: 'L’ASPA est ouverte à partir de l’âge minimum (ou de l’âge légal de la retraite en cas d’inaptitude).'
		}
	],
	af: [
		{
			type: 'children',
			ageBelow: { param: 'af.max_child_age' },
			operator: '>=',
			value: 2,
			reason: 'Les allocations familiales sont versées à partir de 2 enfants à charge.'
		}
	],
	cf: [
		{
			type: 'children',
			ageMin: { param: 'cf.min_child_age' },
			ageBelow: { param: 'cf.max_child_age' },
			operator: '>=',
			value: { param: 'cf.min_children' },
			reason: 'Le complément familial suppose au moins 3 enfants de 3 à 20 ans.'
		},
		{
			type: 'children',
			ageBelow: { param: 'cf.min_child_age' },
			operator: '=',
			value: 0,
			reason: 'Un enfant de moins de 3 ans ouvre droit à la PAJE plutôt qu’au complément familial.'
		}
	],
	ars: [{ type: 'children', operator: '>=', value: 1, reason: 'Pas d’enfant à charge.' }],
	asf: [
		{ type: 'couple', value: false, reason: 'L’ASF est réservée au parent qui élève seul ses enfants.' },
		{
			type: 'children',
			ageBelow: { param: 'af.max_child_age' },
			operator: '>=',
			value: 1,
			reason: 'Pas d’enfant à charge.'
		}
	],
	paje_base: [
		{
			type: 'any',
			conditions: [
				{ type: 'children', ageBelow: { param: 'paje.max_child_age' }, operator: '>=', value: 1 },
				{ type: 'member_flag', who: 'any_adult', field: 'pregnant', value: true }
			],
			reason: 'Pas d’enfant de moins de 3 ans ni de grossesse en cours.'
		}
	],
	cheque_energie: [],
	prime_noel: [],
	ass: [
		{
			type: 'any',
			conditions: [
				{ type: 'activity', who: 'any_adult', includes: ['unemployed_no_benefit'] },
				{ type: 'member_flag', who: 'any_adult', field: 'areExhausted', value: true }
			],
			reason: 'Aucun adulte demandeur d’emploi sans indemnisation.',
			question: 'Un adulte est-il demandeur d’emploi sans allocation chômage ?'
		}
	],
	asi: [
		{
			type: 'income',
			who: 'any_adult',
			sources: ['invalidityPension'],
			operator: '>',
			value: 0,
			reason: 'L’ASI complète une pension d’invalidité.'
		}
	],
	fsl: [
		{
			type: 'household_flag',
			field: 'arrears',
			value: true,
			reason: 'Pas d’impayé de loyer ou d’énergie déclaré.',
			question: 'Le foyer a-t-il des impayés de loyer, d’électricité, de gaz ou d’eau ?'
		}
	]
};

/** Phrases of bank labels naming each benefit (the payer itself is recognised in evidence.ts). */
const SEED_EVIDENCE: Record<BenefitId, EvidencePatterns> = {
	rsa: { payers: ['CAF', 'MSA'], phrases: ['RSA', 'REVENU SOLIDARITE', 'REVENU DE SOLIDARITE', 'R S A'] },
	ppa: { payers: ['CAF', 'MSA'], phrases: ['PPA', 'PRIME ACTIVITE', 'PRIME D ACTIVITE', 'PRIM ACTIVITE', 'PA'] },
	al: {
		payers: ['CAF', 'MSA'],
		phrases: ['APL', 'ALS', 'ALF', 'AL', 'AIDE LOGEMENT', 'AIDE AU LOGEMENT', 'ALLOCATION LOGEMENT', 'ALLOC LOGEMENT']
	},
	css: { payers: [], phrases: [] },
	aah: { payers: ['CAF', 'MSA'], phrases: ['AAH', 'ADULTES HANDICAPES', 'ADULTE HANDICAPE'] },
	aspa: {
		payers: ['CARSAT'],
		phrases: ['ASPA', 'MINIMUM VIEILLESSE', 'SOLIDARITE PERSONNES AGEES', 'SOLIDARITE AUX PERSONNES AGEES']
	},
	af: { payers: ['CAF', 'MSA'], phrases: ['AF', 'ALLOC FAMILIALES', 'ALLOCATIONS FAMILIALES', 'ALLOC FAM', 'ALL FAM'] },
	cf: { payers: ['CAF', 'MSA'], phrases: ['CF', 'COMPLEMENT FAMILIAL', 'COMPL FAMILIAL'] },
	ars: { payers: ['CAF', 'MSA'], phrases: ['ARS', 'RENTREE SCOLAIRE'] },
	asf: { payers: ['CAF', 'MSA'], phrases: ['ASF', 'SOUTIEN FAMILIAL'] },
	paje_base: { payers: ['CAF', 'MSA'], phrases: ['PAJE', 'ALLOCATION DE BASE', 'AB PAJE'] },
	cheque_energie: { payers: [], phrases: [] },
	prime_noel: {
		payers: ['CAF', 'MSA', 'FRANCE_TRAVAIL'],
		phrases: ['AIDE EXCEPTIONNELLE', 'PRIME NOEL', 'PRIME DE NOEL', 'FIN D ANNEE', 'AEFA']
	},
	ass: { payers: ['FRANCE_TRAVAIL'], phrases: ['ASS', 'SOLIDARITE SPECIFIQUE', 'ALLOC SOLIDARITE'] },
	asi: { payers: ['CPAM'], phrases: ['ASI', 'ALLOCATION SUPPLEMENTAIRE', 'ALLOC SUPPLEMENTAIRE INVALIDITE'] },
	fsl: { payers: [], phrases: [] }
};

const SEED_FORMULA = Object.fromEntries(Object.entries(FORMULAS).map(([name, f]) => [f.benefit, name])) as Record<
	BenefitId,
	string
>;

/** The 16 benefits as first published (the database seeds version 1 from these). */
export const DEFAULT_BENEFIT_DEFINITIONS: readonly BenefitDefinition[] = BENEFIT_IDS.map((id) => {
	const c = BENEFIT_CATALOGUE[id];
	return {
		id,
		label: c.label,
		description: c.description,
		payer: c.payer,
		period: c.period,
		crds: c.crds,
		paymentThresholdKey: c.paymentThresholdKey,
		claim: { ...c.claim, documents: [...c.claim.documents] },
		evidence: SEED_EVIDENCE[id],
		conditions: SEED_CONDITIONS[id],
		formula: SEED_FORMULA[id]
	};
});

/** Definitions by id, the seed filling any benefit the list lacks. */
export function definitionsById(
	defs: readonly BenefitDefinition[] = DEFAULT_BENEFIT_DEFINITIONS
): Record<BenefitId, BenefitDefinition> {
	const out = {} as Record<BenefitId, BenefitDefinition>;
	for (const d of DEFAULT_BENEFIT_DEFINITIONS) out[d.id] = d;
	for (const d of defs) out[d.id] = d;
	return out;
}

const PHRASE = /^[A-Z0-9]+( [A-Z0-9]+)*$/;

/**
 * Checks a definition an admin wants to publish: types, known payer/period/formula for this benefit,
 * parameter keys that exist, well-formed conditions and phrases. Returns French messages naming the field.
 */
export function validateDefinition(value: unknown, paramKeys: ReadonlySet<string>): string[] {
	const errors: string[] = [];
	if (typeof value !== 'object' || value === null) return ['Définition attendue.'];
	const d = value as Partial<BenefitDefinition> & Record<string, unknown>;
	const text = (field: string, v: unknown, min = 2) => {
		if (typeof v !== 'string' || v.trim().length < min) errors.push(`${field} : texte obligatoire.`);
	};
	if (!BENEFIT_IDS.includes(d.id as BenefitId)) errors.push(`Prestation inconnue : ${String(d.id)}.`);
	text('Libellé', d.label);
	text('Description', d.description, 10);
	if (d.payer !== null && !PAYERS.includes(d.payer as Payer))
		errors.push(`Organisme payeur : valeur inconnue « ${String(d.payer)} ».`);
	if (!PERIODS.includes(d.period as BenefitPeriod)) errors.push('Périodicité : mois, an ou versement unique.');
	if (typeof d.crds !== 'boolean') errors.push('CRDS : oui ou non.');
	if (
		d.paymentThresholdKey !== null &&
		!(typeof d.paymentThresholdKey === 'string' && paramKeys.has(d.paymentThresholdKey))
	) {
		errors.push(`Seuil de versement : paramètre inconnu « ${String(d.paymentThresholdKey)} ».`);
	}
	const claim = d.claim as ClaimInfo | undefined;
	if (!claim || typeof claim !== 'object') errors.push('Démarche : obligatoire.');
	else {
		text('Où demander', claim.where);
		text('Comment demander', claim.how, 10);
		if (typeof claim.url !== 'string' || !/^https:\/\/[^\s/]+\.[^\s]+$/.test(claim.url))
			errors.push('Lien : adresse https:// attendue.');
		if (!Array.isArray(claim.documents) || claim.documents.some((x) => typeof x !== 'string' || x.trim() === ''))
			errors.push('Pièces à fournir : une par ligne.');
		errors.push(...validateLinks(claim.links));
	}
	const ev = d.evidence as EvidencePatterns | undefined;
	if (!ev || !Array.isArray(ev.payers) || !Array.isArray(ev.phrases))
		errors.push('Repérage dans les relevés : payeurs et mots attendus.');
	else {
		for (const p of ev.payers) if (!PAYERS.includes(p)) errors.push(`Repérage : payeur inconnu « ${String(p)} ».`);
		for (const ph of ev.phrases) {
			if (typeof ph !== 'string' || !PHRASE.test(ph))
				errors.push(
					`Repérage : « ${String(ph)} » doit être écrit en majuscules sans accents ni ponctuation (exemple : PRIME ACTIVITE).`
				);
		}
		if (ev.phrases.length > 0 && ev.payers.length === 0)
			errors.push('Repérage : indiquez au moins un organisme payeur pour ces mots.');
	}
	errors.push(...validateConditions(d.conditions, paramKeys).map((e) => `Conditions : ${e}`));
	const formula = typeof d.formula === 'string' ? FORMULAS[d.formula] : undefined;
	if (!formula) errors.push(`Formule : « ${String(d.formula)} » inconnue.`);
	else if (formula.benefit !== d.id)
		errors.push(`Formule : « ${d.formula} » calcule une autre prestation (${formula.benefit}).`);
	return errors;
}

const LINK_KINDS = ['online', 'form', 'info'];

/** Claim links are optional (definitions published before 2026-12 have none); each needs a kind, a label, an https URL. */
function validateLinks(links: unknown): string[] {
	if (links === undefined) return [];
	if (!Array.isArray(links)) return ['Liens de demande : liste attendue.'];
	return links.flatMap((l, i) => {
		const e: string[] = [];
		const x = (l ?? {}) as Record<string, unknown>;
		if (!LINK_KINDS.includes(x.kind as string))
			e.push(`Lien n° ${i + 1} : type « en ligne », « formulaire » ou « information » attendu.`);
		if (typeof x.label !== 'string' || x.label.trim().length < 3) e.push(`Lien n° ${i + 1} : libellé obligatoire.`);
		if (typeof x.url !== 'string' || !/^https:\/\/[^\s/]+\.[^\s]+$/.test(x.url))
			e.push(`Lien n° ${i + 1} : adresse https:// attendue.`);
		return e;
	});
}

/** Parameter keys a definition refers to (threshold and conditions). */
export function definitionParams(d: BenefitDefinition): string[] {
	return [...(d.paymentThresholdKey ? [d.paymentThresholdKey] : []), ...conditionParams(d.conditions)];
}
