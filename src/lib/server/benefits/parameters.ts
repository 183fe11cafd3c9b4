/**
 * The dated parameter table of the benefits engine (values of shared/domain/benefits.md with their dates
 * and sources) and the resolver that picks the value in force for a month. Formulas never hold a number:
 * every amount, rate, age or threshold comes from here, so an admin can add a dated version without code.
 */
import Decimal from 'decimal.js';
import type { IsoDate } from '$lib/dates';
import type { BenefitParameter, ParameterUnit } from './types';

/** effectiveFrom used when benefits.md gives a value as long in force without a start date. */
export const UNKNOWN_START: IsoDate = '1990-01-01';

const OF = 'OpenFisca-France @a7038ee (v176.0.7), openfisca_france/parameters/';
const RSA = `${OF}prestations_sociales/solidarite_insertion/minima_sociaux/rsa/`;
const PPA = `${OF}prestations_sociales/solidarite_insertion/minima_sociaux/ppa/`;
const PF = `${OF}prestations_sociales/prestations_familiales/`;
const AL = `${OF}prestations_sociales/aides_logement/allocations_logement/locatif/formule/`;
const CSS = `${OF}prestations_sociales/solidarite_insertion/minima_sociaux/cs/`;
const CE = `${OF}prestations_sociales/solidarite_insertion/autre_solidarite/cheque_energie/baremes/`;
const UNSURE = ' [À VÉRIFIER : valeur non confirmée dans benefits.md]';

function p(
	key: string,
	value: string,
	unit: ParameterUnit,
	effectiveFrom: IsoDate,
	effectiveTo: IsoDate | null,
	label: string,
	source: string
): BenefitParameter {
	return { key, value, unit, effectiveFrom, effectiveTo, label, source };
}

/** Same value, dates and source for several keys. */
function group(
	rows: [key: string, value: string, label: string][],
	unit: ParameterUnit,
	from: IsoDate,
	to: IsoDate | null,
	source: string
): BenefitParameter[] {
	return rows.map(([key, value, label]) => p(key, value, unit, from, to, label, source));
}

/** Every parameter of benefits.md §0.1 and §(a), with the previous values it gives. */
export const DEFAULT_BENEFIT_PARAMETERS: BenefitParameter[] = [
	// ── General ──────────────────────────────────────────────────────────────
	p(
		'crds.rate',
		'0.005',
		'rate',
		'1996-02-01',
		null,
		"Taux de CRDS prélevé sur les prestations familiales, les aides au logement et la prime d'activité",
		'Ordonnance n° 96-50 du 24 janvier 1996 ; benefits.md §0'
	),
	p(
		'smic.hourly',
		'11.88',
		'eur',
		'2024-11-01',
		'2025-12-31',
		'SMIC horaire brut',
		'Décret n° 2024-951 du 23 octobre 2024 (Légifrance JORFTEXT000050392683)'
	),
	p(
		'smic.hourly',
		'12.02',
		'eur',
		'2026-01-01',
		'2026-05-31',
		'SMIC horaire brut',
		`Décret n° 2025-1228 du 17 décembre 2025 ; ${OF}marche_travail/salaire_minimum/smic/smic_b_horaire.yaml [3d48ff7]`
	),
	p(
		'smic.hourly',
		'12.31',
		'eur',
		'2026-06-01',
		null,
		'SMIC horaire brut',
		`Revalorisation automatique de +2,41 % (service-public.fr A18916) ; ${OF}marche_travail/salaire_minimum/smic/smic_b_horaire.yaml [3d48ff7]`
	),
	p(
		'smic.annual_hours',
		'1820',
		'count',
		UNKNOWN_START,
		null,
		"Heures annuelles d'un SMIC à temps plein (35 h × 52 semaines)",
		'Code du travail, art. L3121-27 (durée légale 35 h)'
	),

	// ── RSA ──────────────────────────────────────────────────────────────────
	p(
		'rsa.base_amount',
		'646.52',
		'eur',
		'2025-04-01',
		'2026-03-31',
		'Montant forfaitaire du RSA (1 personne)',
		`${RSA}rsa_m/montant_de_base_du_rsa.yaml [ed22780]`
	),
	p(
		'rsa.base_amount',
		'651.69',
		'eur',
		'2026-04-01',
		null,
		'Montant forfaitaire du RSA (1 personne)',
		`${RSA}rsa_m/montant_de_base_du_rsa.yaml [ed22780], Décret 2026-220`
	),
	...group(
		[
			['rsa.maj.second_person', '0.5', 'Majoration du RSA pour la 2e personne du foyer'],
			['rsa.maj.third_person', '0.3', 'Majoration du RSA pour la 3e personne du foyer'],
			['rsa.maj.fourth_person_couple', '0.3', "Majoration du RSA pour la 4e personne d'un couple"],
			['rsa.maj.further_person', '0.4', 'Majoration du RSA par personne suivante (dès la 4e pour un parent isolé)']
		],
		'rate',
		'2009-06-01',
		null,
		`${RSA}rsa_maj/maj_montant_max/*.yaml [39621df]`
	),
	...group(
		[
			['rsa.majore.base_rate', '1.28412', 'RSA majoré (parent isolé, grossesse) : coefficient de base'],
			['rsa.majore.per_child_rate', '0.42804', 'RSA majoré : coefficient par enfant à charge']
		],
		'rate',
		'2016-01-01',
		null,
		`${RSA}rsa_maj/majoration_isolement_en_base_rsa/{femmes_enceintes,par_enfant_a_charge}.yaml [4863566]`
	),
	...group(
		[
			['rsa.majore.child_age_limit', '3', 'RSA majoré : âge limite du plus jeune enfant'],
			['rsa.majore.separation_months', '12', 'RSA majoré : durée après la séparation (mois)'],
			['rsa.min_age', '25', 'RSA : âge minimum sans enfant ni grossesse'],
			['rsa.min_age_young', '18', 'RSA jeune actif : âge minimum (avec 3 214 h travaillées en 3 ans)']
		],
		'count',
		'2009-06-01',
		null,
		'benefits.md §(a), ligne rsa'
	),
	...group(
		[
			['rsa.fl.rate_1p', '0.12', 'Forfait logement RSA/PPA, 1 personne (part du montant de base)'],
			['rsa.fl.rate_2p', '0.16', 'Forfait logement RSA/PPA, 2 personnes (part du montant pour 2)'],
			['rsa.fl.rate_3p', '0.165', 'Forfait logement RSA/PPA, 3 personnes ou plus (part du montant pour 3)'],
			['rsa.fl.mult_2p', '1.5', 'Forfait logement : coefficient du montant pour 2 personnes'],
			['rsa.fl.mult_3p', '1.8', 'Forfait logement : coefficient du montant pour 3 personnes']
		],
		'rate',
		'2009-06-01',
		null,
		`${RSA}rsa_fl/forfait_logement/*.yaml [a999eab]`
	),
	p(
		'rsa.savings_rate',
		'0.03',
		'rate',
		'2009-06-01',
		null,
		"Revenu annuel forfaitaire compté sur l'épargne non productive (RSA)",
		`${RSA}rsa_cond/patrimoine/taux_interet_forfaitaire_epargne_non_imposable.yaml [46ce797]`
	),
	p(
		'rsa.asf_forfait_rate',
		'0.225',
		'rate',
		'2022-11-01',
		null,
		'ASF comptée dans les ressources RSA/PPA (part de la BMAF par enfant)',
		`${RSA}rsa_maj/forfait_asf/taux2.yaml`
	),
	p(
		'rsa.payment_threshold',
		'6',
		'eur',
		UNKNOWN_START,
		null,
		'Seuil de versement du RSA',
		'benefits.md §0 (seuils de versement)'
	),

	// ── Prime d'activité ─────────────────────────────────────────────────────
	p(
		'ppa.base_amount',
		'633.21',
		'eur',
		'2025-04-01',
		'2026-03-31',
		"Montant forfaitaire de la prime d'activité",
		`${PPA}pa_m/montant_de_base.yaml [f3e7754]`
	),
	p(
		'ppa.base_amount',
		'638.28',
		'eur',
		'2026-04-01',
		null,
		"Montant forfaitaire de la prime d'activité",
		`${PPA}pa_m/montant_de_base.yaml [f3e7754], Décret 2026-222`
	),
	p(
		'ppa.earnings_rate',
		'0.5985',
		'rate',
		'2025-04-01',
		null,
		"Part des revenus d'activité retenue (pente de la prime d'activité)",
		`${PPA}pa_m/majoration_ressources_revenus_activite.yaml [06a211d]`
	),
	p(
		'ppa.bonification.threshold_hours',
		'59',
		'count',
		UNKNOWN_START,
		null,
		'Bonification : seuil en heures de SMIC',
		`${PPA}pa_m/bonification/seuil_bonification.yaml [f3e7754]`
	),
	p(
		'ppa.bonification.max_hours',
		'120',
		'count',
		UNKNOWN_START,
		'2026-03-31',
		'Bonification : plafond en heures de SMIC',
		`${PPA}pa_m/bonification/seuil_max_bonification.yaml [f3e7754]`
	),
	p(
		'ppa.bonification.max_hours',
		'138',
		'count',
		'2026-04-01',
		null,
		'Bonification : plafond en heures de SMIC',
		`${PPA}pa_m/bonification/seuil_max_bonification.yaml [f3e7754], Décret 2026-222${UNSURE}`
	),
	p(
		'ppa.bonification.max_rate',
		'0.29101',
		'rate',
		UNKNOWN_START,
		'2026-03-31',
		'Bonification maximale (part du montant forfaitaire)',
		`${PPA}pa_m/bonification/taux_bonification_max.yaml [f3e7754]`
	),
	p(
		'ppa.bonification.max_rate',
		'0.377',
		'rate',
		'2026-04-01',
		null,
		'Bonification maximale (part du montant forfaitaire)',
		`${PPA}pa_m/bonification/taux_bonification_max.yaml [f3e7754], Décret 2026-222${UNSURE}`
	),
	p(
		'ppa.min_age',
		'18',
		'count',
		UNKNOWN_START,
		null,
		"Prime d'activité : âge minimum",
		'OpenFisca tests/formulas/ppa/ppa.yaml [0f7b1fe]'
	),
	p(
		'ppa.student_hours',
		'169',
		'count',
		UNKNOWN_START,
		null,
		'Étudiants et apprentis : heures de SMIC du plancher de revenus',
		`${PPA}ppa_plancher_revenu_activite_apprenant (benefits.md)`
	),
	p(
		'ppa.student_smic_share',
		'0.55',
		'rate',
		UNKNOWN_START,
		null,
		'Étudiants et apprentis : part du SMIC du plancher de revenus',
		`${PPA}ppa_plancher_revenu_activite_apprenant (benefits.md)`
	),
	p(
		'ppa.payment_threshold',
		'15',
		'eur',
		UNKNOWN_START,
		null,
		"Seuil de versement de la prime d'activité",
		'benefits.md §0 (seuils de versement)'
	),

	// ── BMAF and family benefits ─────────────────────────────────────────────
	p(
		'bmaf',
		'474.37',
		'eur',
		'2025-04-01',
		'2026-03-31',
		'Base mensuelle de calcul des allocations familiales (BMAF)',
		`${PF}bmaf/bmaf.yaml [207a7b3]`
	),
	p(
		'bmaf',
		'478.16',
		'eur',
		'2026-04-01',
		null,
		'Base mensuelle de calcul des allocations familiales (BMAF)',
		`${PF}bmaf/bmaf.yaml [207a7b3]`
	),
	...group(
		[
			['af.rate_two_children', '0.32', 'AF : 2 enfants (part de la BMAF)'],
			['af.rate_per_further_child', '0.41', 'AF : par enfant à partir du 3e (part de la BMAF)'],
			['af.majoration_rate', '0.16', 'AF : majoration pour âge (part de la BMAF)'],
			['af.forfait_20_rate', '0.20234', "AF : forfait d'allocation à 20 ans (part de la BMAF)"]
		],
		'rate',
		UNKNOWN_START,
		null,
		`${PF}prestations_generales/af/af_cm/taux/*.yaml, af_maj/* [7cbf0b5, 6e719c4]`
	),
	p(
		'af.majoration_age',
		'14',
		'count',
		UNKNOWN_START,
		'2026-02-28',
		"AF : âge de la majoration (selon la date des 14 ans de l'enfant)",
		`${PF}prestations_generales/af/af_maj/maj_age_deux_enfants/age1.yaml [af9a97c]`
	),
	p(
		'af.majoration_age',
		'18',
		'count',
		'2026-03-01',
		null,
		'AF : âge de la majoration pour les enfants ayant 14 ans à partir du 01/03/2026',
		`${PF}prestations_generales/af/af_maj/maj_age_deux_enfants/age1.yaml [af9a97c], Décret 2026-138`
	),
	p(
		'af.max_child_age',
		'20',
		'count',
		UNKNOWN_START,
		null,
		"AF : âge limite de l'enfant à charge",
		'benefits.md §(a), ligne af'
	),
	...group(
		[
			['af.ceiling_t1_base', '66652', 'AF : plafond de la 1re tranche de modulation (base)'],
			['af.ceiling_t2_base', '93276', 'AF : plafond de la 2e tranche de modulation (base)'],
			['af.ceiling_per_child', '6664', 'AF : majoration des plafonds de modulation par enfant']
		],
		'eur_year',
		'2026-01-01',
		null,
		`${PF}prestations_generales/af/af_cond_ress/*.yaml [44afce1]`
	),
	...group(
		[
			['af.modulation_rate_t2', '0.5', 'AF : coefficient au-delà du 1er plafond (moitié)'],
			['af.modulation_rate_t3', '0.25', 'AF : coefficient au-delà du 2e plafond (quart)']
		],
		'rate',
		UNKNOWN_START,
		null,
		`${PF}prestations_generales/af/af_cond_ress/*.yaml [44afce1]`
	),
	...group(
		[
			['cf.rate_base', '0.4165', 'Complément familial (part de la BMAF)'],
			['cf.rate_majore', '0.6248', 'Complément familial majoré (part de la BMAF)'],
			['cf.ceiling_rate_first_two', '0.25', 'CF : majoration du plafond par enfant (1er et 2e)'],
			['cf.ceiling_rate_further', '0.3', 'CF : majoration du plafond par enfant à partir du 3e'],
			['cf.majore_share', '0.5', 'CF majoré : part du plafond de ressources']
		],
		'rate',
		UNKNOWN_START,
		null,
		`${PF}prestations_generales/cf/... [5cd92b6, 6102f98, a872730]`
	),
	...group(
		[
			['cf.ceiling_base', '24853', 'CF : plafond de ressources de base (N-2)'],
			['cf.ceiling_dual_bonus', '9989', 'CF : majoration du plafond (deux revenus ou parent isolé)']
		],
		'eur_year',
		'2026-01-01',
		null,
		`${PF}prestations_generales/cf/... [5cd92b6, 6102f98, a872730]`
	),
	...group(
		[
			['cf.min_children', '3', "CF : nombre minimum d'enfants"],
			['cf.min_child_age', '3', 'CF : âge minimum des enfants'],
			['cf.max_child_age', '21', 'CF : âge limite des enfants']
		],
		'count',
		UNKNOWN_START,
		null,
		'benefits.md §(a), ligne cf'
	),
	...group(
		[
			['ars.rate_6_10', '0.8972', 'ARS 6–10 ans (part de la BMAF)'],
			['ars.rate_11_14', '0.9467', 'ARS 11–14 ans (part de la BMAF)'],
			['ars.rate_15_18', '0.9795', 'ARS 15–18 ans (part de la BMAF)'],
			['ars.ceiling_per_child_rate', '0.3', 'ARS : majoration du plafond par enfant']
		],
		'rate',
		UNKNOWN_START,
		null,
		`${PF}education_presence_parentale/ars/... [6e719c4, a374d54]`
	),
	p(
		'ars.ceiling_base',
		'22274',
		'eur_year',
		'2026-01-01',
		null,
		'ARS : plafond de ressources de base (N-2)',
		`${PF}education_presence_parentale/ars/... [a374d54]`
	),
	...group(
		[
			['ars.min_age', '6', 'ARS : âge minimum (atteint au 31 décembre de la rentrée)'],
			['ars.age_band_2', '11', 'ARS : début de la tranche 11–14 ans (âge au 15 septembre)'],
			['ars.age_band_3', '15', 'ARS : début de la tranche 15–18 ans (âge au 15 septembre)'],
			['ars.max_age', '18', 'ARS : âge maximum (au 15 septembre)'],
			['ars.school_declaration_age', '16', 'ARS : âge à partir duquel la scolarité doit être déclarée']
		],
		'count',
		UNKNOWN_START,
		null,
		'benefits.md §(a), ligne ars ; service-public.fr'
	),
	p(
		'ars.payment_threshold',
		'15',
		'eur',
		UNKNOWN_START,
		null,
		"Seuil de versement de l'ARS",
		'benefits.md §0 (seuils de versement)'
	),
	p(
		'asf.rate',
		'0.422',
		'rate',
		'2022-11-01',
		null,
		'ASF par enfant (part de la BMAF)',
		`${PF}education_presence_parentale/asf/montant_asf/orphelin_assimile_seul_parent.yaml [6e719c4]`
	),
	...group(
		[
			['paje.rate_full', '0.4165', 'PAJE allocation de base, taux plein (part de la BMAF)'],
			['paje.rate_partial', '0.20825', 'PAJE allocation de base, taux partiel (part de la BMAF)'],
			['paje.ceiling_rate_first_two', '0.25', 'PAJE : majoration du plafond par enfant (1er et 2e)'],
			['paje.ceiling_rate_further', '0.3', 'PAJE : majoration du plafond par enfant à partir du 3e']
		],
		'rate',
		UNKNOWN_START,
		null,
		`${PF}petite_enfance/paje/... [6e719c4]`
	),
	...group(
		[
			['paje.ceiling_base', '24853', 'PAJE : plafond de ressources de base (N-2)'],
			['paje.ceiling_dual_bonus', '9989', 'PAJE : majoration du plafond (deux revenus ou parent isolé)']
		],
		'eur_year',
		'2026-01-01',
		null,
		`${PF}petite_enfance/paje/... [6e719c4]`
	),
	p(
		'paje.max_child_age',
		'3',
		'count',
		UNKNOWN_START,
		null,
		'PAJE : âge limite du plus jeune enfant',
		'benefits.md §(a), ligne paje_base'
	),

	// ── AAH, ASPA, ASI, ASS ──────────────────────────────────────────────────
	p(
		'aah.amount',
		'1033.32',
		'eur',
		'2025-04-01',
		'2026-03-31',
		"Montant maximal de l'AAH",
		`${OF}prestations_sociales/prestations_etat_de_sante/invalidite/aah/montant.yaml [1383d4e]`
	),
	p(
		'aah.amount',
		'1041.59',
		'eur',
		'2026-04-01',
		null,
		"Montant maximal de l'AAH",
		`${OF}prestations_sociales/prestations_etat_de_sante/invalidite/aah/montant.yaml [1383d4e]`
	),
	...group(
		[
			['aah.ceiling_per_child_rate', '0.5', 'AAH : majoration du plafond par enfant'],
			['aah.earnings_abatement_low', '0.8', "AAH : abattement sur les revenus d'activité jusqu'au seuil"],
			['aah.earnings_abatement_high', '0.4', "AAH : abattement sur les revenus d'activité au-delà du seuil"],
			['aah.earnings_abatement_smic_share', '0.3', "AAH : seuil d'abattement (part du SMIC brut annuel)"]
		],
		'rate',
		UNKNOWN_START,
		null,
		'benefits.md §(a), ligne aah'
	),
	...group(
		[
			['aah.min_age', '20', 'AAH : âge minimum'],
			['aah.rate_full', '80', "AAH : taux d'incapacité ouvrant droit sans condition (%)"],
			['aah.rate_partial', '50', "AAH : taux d'incapacité minimum avec RSDAE (%)"],
			['aah.max_age_partial', '64', 'AAH 50–79 % : âge limite']
		],
		'count',
		UNKNOWN_START,
		null,
		'benefits.md §(a), ligne aah'
	),
	p(
		'aah.partner_income_ignored_from',
		'2023',
		'count',
		'2023-10-01',
		null,
		'AAH : revenus du conjoint non pris en compte (déconjugalisation, année)',
		`${OF}prestations_sociales/prestations_etat_de_sante/invalidite/aah/ [1383d4e]`
	),
	p(
		'aspa.ceiling_single_annual',
		'12411.44',
		'eur_year',
		'2025-01-01',
		'2025-12-31',
		'ASPA : montant maximal et plafond, personne seule',
		`${OF}prestations_sociales/solidarite_insertion/minimum_vieillesse/aspa/ [0f30f19]`
	),
	p(
		'aspa.ceiling_single_annual',
		'12523.14',
		'eur_year',
		'2026-01-01',
		null,
		'ASPA : montant maximal et plafond, personne seule',
		`${OF}prestations_sociales/solidarite_insertion/minimum_vieillesse/aspa/ [0f30f19], circ. Cnav 2025-29`
	),
	p(
		'aspa.ceiling_couple_annual',
		'19268.80',
		'eur_year',
		'2025-01-01',
		'2025-12-31',
		'ASPA : montant maximal et plafond, couple',
		`${OF}prestations_sociales/solidarite_insertion/minimum_vieillesse/aspa/ [0f30f19]`
	),
	p(
		'aspa.ceiling_couple_annual',
		'19442.21',
		'eur_year',
		'2026-01-01',
		null,
		'ASPA : montant maximal et plafond, couple',
		`${OF}prestations_sociales/solidarite_insertion/minimum_vieillesse/aspa/ [0f30f19], circ. Cnav 2025-29`
	),
	p('aspa.min_age', '65', 'count', UNKNOWN_START, null, 'ASPA : âge minimum', 'benefits.md §(a), ligne aspa'),
	p(
		'aspa.estate_recovery_threshold',
		'105300',
		'eur',
		'2024-01-01',
		'2024-12-31',
		'ASPA : seuil de récupération sur succession',
		'Circulaire Cnav 2023-34'
	),
	p(
		'aspa.estate_recovery_threshold',
		'107616.60',
		'eur',
		'2025-01-01',
		null,
		'ASPA : seuil de récupération sur succession',
		'Revalorisation de +2,2 % au 01/01/2025 (service-public.fr : 107 616 €) ; valeur 2026 non trouvée'
	),
	p(
		'asi.ceiling_single_annual',
		'10978.30',
		'eur_year',
		'2025-04-01',
		null,
		'ASI : plafond de ressources, personne seule',
		'benefits.md §(a), ligne asi (valeur au 01/04/2025)'
	),
	p(
		'asi.ceiling_couple_annual',
		'19212.03',
		'eur_year',
		'2025-04-01',
		null,
		'ASI : plafond de ressources, couple',
		'benefits.md §(a), ligne asi (valeur au 01/04/2025)'
	),
	p(
		'asi.max_age',
		'62',
		'count',
		UNKNOWN_START,
		null,
		'ASI : âge de la retraite (au-delà, ASPA)',
		'Code de la sécurité sociale, art. R815-1 et L351-1-5 (62 ans pour les invalides, inchangé par la réforme de 2023)'
	),
	p(
		'ass.daily_amount',
		'19.48',
		'eur',
		'2026-04-01',
		null,
		'ASS : montant journalier à taux plein',
		`${OF}prestations_sociales/chomage/allocations_assurance_chomage/ass/montant_plein.yaml [78d0cb1]`
	),
	...group(
		[
			['ass.days_per_month', '30', 'ASS : jours par mois'],
			['ass.ceiling_days_single', '70', "ASS : plafond de ressources d'une personne seule (en jours d'allocation)"],
			['ass.ceiling_days_couple', '110', "ASS : plafond de ressources d'un couple (en jours d'allocation)"]
		],
		'count',
		UNKNOWN_START,
		null,
		`${OF}prestations_sociales/chomage/allocations_assurance_chomage/ass/{plaf_seul,plaf_coup}`
	),

	// ── CSS ──────────────────────────────────────────────────────────────────
	...group(
		[
			['css.free_ceiling.p1', '10339', 'CSS gratuite : plafond annuel, 1 personne'],
			['css.free_ceiling.p2', '15508', 'CSS gratuite : plafond annuel, 2 personnes'],
			['css.free_ceiling.p3', '18609', 'CSS gratuite : plafond annuel, 3 personnes'],
			['css.free_ceiling.p4', '21711', 'CSS gratuite : plafond annuel, 4 personnes'],
			['css.free_ceiling.extra', '4135', 'CSS gratuite : par personne supplémentaire'],
			['css.part_ceiling.p1', '13957', 'CSS avec participation : plafond annuel, 1 personne'],
			['css.part_ceiling.p2', '20936', 'CSS avec participation : plafond annuel, 2 personnes'],
			['css.part_ceiling.p3', '25123', 'CSS avec participation : plafond annuel, 3 personnes'],
			['css.part_ceiling.p4', '29311', 'CSS avec participation : plafond annuel, 4 personnes'],
			['css.part_ceiling.extra', '5583', 'CSS avec participation : par personne supplémentaire']
		],
		'eur_year',
		'2025-04-01',
		null,
		`efl.fr « Complémentaire santé solidaire : conditions de ressources » ; econostrum.info (valeurs du 01/04/2025, reconduites faute de valeur 2026)${UNSURE}`
	),
	...group(
		[
			['css.participation.under_30', '8', 'CSS : participation mensuelle, 29 ans ou moins'],
			['css.participation.30_49', '14', 'CSS : participation mensuelle, 30–49 ans'],
			['css.participation.50_59', '21', 'CSS : participation mensuelle, 50–59 ans'],
			['css.participation.60_69', '25', 'CSS : participation mensuelle, 60–69 ans'],
			['css.participation.70_plus', '30', 'CSS : participation mensuelle, 70 ans et plus']
		],
		'eur',
		'2019-11-01',
		null,
		`${CSS}css/montant/france/*.yaml [40437cc]`
	),
	...group(
		[
			['css.participation.age_30', '30', 'CSS : début de la tranche 30–49 ans'],
			['css.participation.age_50', '50', 'CSS : début de la tranche 50–59 ans'],
			['css.participation.age_60', '60', 'CSS : début de la tranche 60–69 ans'],
			['css.participation.age_70', '70', 'CSS : début de la tranche 70 ans et plus']
		],
		'count',
		'2019-11-01',
		null,
		`${CSS}css/montant/france/*.yaml [40437cc]`
	),
	...group(
		[
			['css.fl_with_al.rate_1p', '0.12', 'CSS : forfait logement avec aide au logement, 1 personne'],
			['css.fl_with_al.rate_2p', '0.16', 'CSS : forfait logement avec aide au logement, 2 personnes'],
			['css.fl_with_al.rate_3p', '0.165', 'CSS : forfait logement avec aide au logement, 3 personnes ou plus']
		],
		'rate',
		'2019-11-01',
		null,
		`${CSS}css/forfait_logement_avec_al/* [4863566]`
	),
	...group(
		[
			['css.fl_without_al.rate_1p', '0.12', 'CSS : forfait logement (propriétaire, hébergé), 1 personne'],
			['css.fl_without_al.rate_2p', '0.14', 'CSS : forfait logement (propriétaire, hébergé), 2 personnes'],
			['css.fl_without_al.rate_3p', '0.14', 'CSS : forfait logement (propriétaire, hébergé), 3 personnes ou plus']
		],
		'rate',
		'2019-11-01',
		null,
		`${CSS}css/forfait_logement_sans_al/* [4863566]`
	),
	...group(
		[
			['css.aah_deduction', '68', "CSS : abattement mensuel sur l'AAH"],
			['css.aspa_deduction_single', '71', "CSS : abattement mensuel sur l'ASPA, personne seule"],
			['css.aspa_deduction_couple', '110', "CSS : abattement mensuel sur l'ASPA, couple"]
		],
		'eur',
		UNKNOWN_START,
		null,
		'benefits.md §(a), ligne css'
	),

	// ── Aides au logement (location, métropole) ──────────────────────────────
	...group(
		[
			['al.ceiling.z1.single', '333.14', 'AL : loyer plafond zone 1, personne seule'],
			['al.ceiling.z2.single', '290.34', 'AL : loyer plafond zone 2, personne seule'],
			['al.ceiling.z3.single', '272.12', 'AL : loyer plafond zone 3, personne seule'],
			['al.ceiling.z1.couple', '401.78', 'AL : loyer plafond zone 1, couple sans personne à charge'],
			['al.ceiling.z2.couple', '355.38', 'AL : loyer plafond zone 2, couple sans personne à charge'],
			['al.ceiling.z3.couple', '329.88', 'AL : loyer plafond zone 3, couple sans personne à charge'],
			['al.ceiling.z1.one_dependant', '454.10', 'AL : loyer plafond zone 1, une personne à charge'],
			['al.ceiling.z2.one_dependant', '399.89', 'AL : loyer plafond zone 2, une personne à charge'],
			['al.ceiling.z3.one_dependant', '369.88', 'AL : loyer plafond zone 3, une personne à charge'],
			['al.ceiling.z1.per_extra', '65.89', 'AL : loyer plafond zone 1, par personne à charge supplémentaire'],
			['al.ceiling.z2.per_extra', '58.21', 'AL : loyer plafond zone 2, par personne à charge supplémentaire'],
			['al.ceiling.z3.per_extra', '53.01', 'AL : loyer plafond zone 3, par personne à charge supplémentaire']
		],
		'eur',
		'2025-10-01',
		null,
		`${AL}l_plafonds_loyers/par_zone/* [5c03718]`
	),
	...group(
		[
			['al.charges.base', '60.59', 'AL : forfait de charges'],
			['al.charges.per_dependant', '13.74', 'AL : forfait de charges par personne à charge']
		],
		'eur',
		'2025-10-01',
		null,
		`${AL}c_forfait_charges/cas_general/* [8f3fde0]`
	),
	p(
		'al.p0.rate',
		'0.085',
		'rate',
		'2025-10-01',
		null,
		'AL : participation minimale (part de loyer + charges)',
		`${AL}p0_particip_min/* [5c03718]`
	),
	p(
		'al.p0.min',
		'39.56',
		'eur',
		'2025-10-01',
		null,
		'AL : participation minimale plancher',
		`${AL}p0_particip_min/* [5c03718]`
	),
	...group(
		[
			['al.r0.single', '5235', 'AL : abattement R0, personne seule'],
			['al.r0.couple', '7501', 'AL : abattement R0, couple'],
			['al.r0.d1', '8947', 'AL : abattement R0, 1 personne à charge'],
			['al.r0.d2', '9148', 'AL : abattement R0, 2 personnes à charge'],
			['al.r0.d3', '9498', 'AL : abattement R0, 3 personnes à charge'],
			['al.r0.d4', '9851', 'AL : abattement R0, 4 personnes à charge'],
			['al.r0.d5', '10202', 'AL : abattement R0, 5 personnes à charge'],
			['al.r0.d6', '10554', 'AL : abattement R0, 6 personnes à charge'],
			['al.r0.per_extra', '346', 'AL : abattement R0 par personne à charge au-delà de 6']
		],
		'eur_year',
		'2025-01-01',
		null,
		`${AL}r0_abattement/cas_general/* [5774966] (non revalorisé en 2026, arrêté du 28/12/2025)`
	),
	...group(
		[
			['al.tf.single', '0.0283', 'AL : taux TF, personne seule'],
			['al.tf.couple', '0.0315', 'AL : taux TF, couple'],
			['al.tf.d1', '0.027', 'AL : taux TF, 1 personne à charge'],
			['al.tf.d2', '0.0238', 'AL : taux TF, 2 personnes à charge'],
			['al.tf.d3', '0.0201', 'AL : taux TF, 3 personnes à charge'],
			['al.tf.d4', '0.0185', 'AL : taux TF, 4 personnes à charge'],
			['al.tf.d5', '0.0179', 'AL : taux TF, 5 personnes à charge'],
			['al.tf.d6', '0.0173', 'AL : taux TF, 6 personnes à charge'],
			['al.tf.per_extra', '-0.0006', 'AL : taux TF par personne à charge au-delà de 6']
		],
		'rate',
		'2007-07-01',
		null,
		`${AL}tf_taille_famille/metropole/* [604df35]`
	),
	...group(
		[
			['al.tl.threshold_low', '0.45', "AL : rapport RL à partir duquel TL s'applique"],
			['al.tl.rate_low', '0.0045', 'AL : taux TL entre les deux seuils'],
			['al.tl.threshold_high', '0.75', 'AL : second seuil du rapport RL'],
			['al.tl.rate_high', '0.0068', 'AL : taux TL au-delà du second seuil'],
			['al.tl.offset_high', '0.00135', 'AL : TL au second seuil']
		],
		'rate',
		'2007-07-01',
		null,
		`${AL}tl_loyer/* [3c4cd0d]`
	),
	p(
		'al.minoration',
		'5',
		'eur',
		UNKNOWN_START,
		null,
		'AL : minoration forfaitaire',
		`${AL}minoration_forfaitaire.yaml [604df35]`
	),
	p(
		'al.rls_share',
		'0.98',
		'rate',
		UNKNOWN_START,
		null,
		'AL : part de la réduction de loyer de solidarité (RLS) déduite en HLM',
		`${OF}prestations_sociales/aides_logement/reduction_loyer_solidarite/* [4415f56]`
	),
	p(
		'al.rls.z2_single',
		'31.58',
		'eur',
		'2026-06-01',
		null,
		'RLS : zone 2, personne seule',
		`${OF}prestations_sociales/aides_logement/reduction_loyer_solidarite/* [4415f56]`
	),
	p(
		'al.earned_income_share',
		'0.9',
		'rate',
		UNKNOWN_START,
		null,
		'AL : part des revenus imposables retenue (abattement de 10 %)',
		'benefits.md §(a), ligne al'
	),
	p(
		'al.resources_rounding',
		'100',
		'eur_year',
		UNKNOWN_START,
		null,
		'AL : arrondi des ressources à la centaine supérieure',
		'benefits.md §(a), ligne al'
	),
	p(
		'al.student_forfait',
		'8600',
		'eur_year',
		UNKNOWN_START,
		null,
		"AL : ressources forfaitaires d'un étudiant",
		`${OF}prestations_sociales/aides_logement/ressources/etudiants/locatif/* [ad3a962]`
	),
	p(
		'al.student_scholar_reduction',
		'1700',
		'eur_year',
		UNKNOWN_START,
		null,
		'AL : réduction du forfait étudiant pour un boursier',
		`${OF}prestations_sociales/aides_logement/ressources/etudiants/locatif/* [ad3a962]`
	),
	p(
		'al.capital_threshold',
		'30000',
		'eur',
		UNKNOWN_START,
		null,
		'AL : patrimoine au-delà duquel il est compté',
		`${OF}prestations_sociales/aides_logement/ressources/patrimoine/seuil_valorisation.yaml`
	),
	p(
		'al.capital_rate',
		'0.03',
		'rate',
		UNKNOWN_START,
		null,
		'AL : revenu annuel forfaitaire du patrimoine compté',
		`${OF}prestations_sociales/aides_logement/ressources/patrimoine/`
	),
	p(
		'al.payment_threshold',
		'10',
		'eur',
		UNKNOWN_START,
		null,
		'Seuil de versement des aides au logement',
		'benefits.md §0 (seuils de versement)'
	),

	// ── Chèque énergie ───────────────────────────────────────────────────────
	...group(
		[
			['cheque_energie.bracket1', '5600', 'Chèque énergie : 1re tranche de RFR par UC'],
			['cheque_energie.bracket2', '6700', 'Chèque énergie : 2e tranche de RFR par UC'],
			['cheque_energie.bracket3', '7700', 'Chèque énergie : 3e tranche de RFR par UC']
		],
		'eur_year',
		'2019-01-01',
		null,
		`${CE}*.yaml [fdb7e3e, 1b22e97]`
	),
	p(
		'cheque_energie.bracket4',
		'10800',
		'eur_year',
		'2021-01-01',
		null,
		'Chèque énergie : plafond de RFR par UC',
		`${CE}*.yaml [fdb7e3e, 1b22e97]`
	),
	...group(
		[
			['cheque_energie.uc1.b1', '194', 'Chèque énergie, 1 UC, 1re tranche'],
			['cheque_energie.uc1.b2', '146', 'Chèque énergie, 1 UC, 2e tranche'],
			['cheque_energie.uc1.b3', '98', 'Chèque énergie, 1 UC, 3e tranche'],
			['cheque_energie.uc1.b4', '48', 'Chèque énergie, 1 UC, 4e tranche'],
			['cheque_energie.uc1to2.b1', '240', 'Chèque énergie, entre 1 et 2 UC, 1re tranche'],
			['cheque_energie.uc1to2.b2', '176', 'Chèque énergie, entre 1 et 2 UC, 2e tranche'],
			['cheque_energie.uc1to2.b3', '113', 'Chèque énergie, entre 1 et 2 UC, 3e tranche'],
			['cheque_energie.uc1to2.b4', '63', 'Chèque énergie, entre 1 et 2 UC, 4e tranche'],
			['cheque_energie.uc2.b1', '277', 'Chèque énergie, 2 UC ou plus, 1re tranche'],
			['cheque_energie.uc2.b2', '202', 'Chèque énergie, 2 UC ou plus, 2e tranche'],
			['cheque_energie.uc2.b3', '126', 'Chèque énergie, 2 UC ou plus, 3e tranche'],
			['cheque_energie.uc2.b4', '76', 'Chèque énergie, 2 UC ou plus, 4e tranche']
		],
		'eur_year',
		'2019-01-01',
		null,
		`${CE}*.yaml [fdb7e3e, 1b22e97] (barème 2026 non confirmé${UNSURE})`
	),
	...group(
		[
			['cheque_energie.uc.second_person', '0.5', 'Chèque énergie : UC de la 2e personne'],
			['cheque_energie.uc.further_person', '0.3', 'Chèque énergie : UC par personne supplémentaire']
		],
		'rate',
		'2019-01-01',
		null,
		`${CE}*.yaml [fdb7e3e, 1b22e97]`
	),

	// ── Prime de Noël ────────────────────────────────────────────────────────
	p(
		'prime_noel.amount',
		'152.45',
		'eur',
		'2003-12-01',
		null,
		"Aide exceptionnelle de fin d'année (personne seule, ou ASS/AER)",
		`${OF}prestations_sociales/solidarite_insertion/autre_solidarite/aefa/* [1f782d3]`
	)
];

/** Thrown when no version of a parameter is in force at the requested date. */
export class BenefitParameterError extends Error {
	constructor(
		message: string,
		readonly key: string,
		readonly date: IsoDate
	) {
		super(message);
		this.name = 'BenefitParameterError';
	}
}

/** `YYYY-MM` or `YYYY-MM-DD` → the IsoDate looked up (first day of a month). */
function toLookupDate(month: string): IsoDate {
	if (/^\d{4}-\d{2}$/.test(month)) return `${month}-01`;
	if (/^\d{4}-\d{2}-\d{2}$/.test(month)) return month;
	throw new RangeError(`mois invalide « ${month} » (attendu AAAA-MM ou AAAA-MM-JJ)`);
}

const indexCache = new WeakMap<readonly BenefitParameter[], Map<string, BenefitParameter[]>>();

/** Versions of each key, latest effectiveFrom first (built once per parameter array). */
function indexOf(params: readonly BenefitParameter[]): Map<string, BenefitParameter[]> {
	let index = indexCache.get(params);
	if (!index) {
		index = new Map();
		for (const row of params) {
			const list = index.get(row.key);
			if (list) list.push(row);
			else index.set(row.key, [row]);
		}
		for (const list of index.values()) list.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));
		indexCache.set(params, index);
	}
	return index;
}

const lookupCache = new WeakMap<readonly BenefitParameter[], Map<string, BenefitParameter>>();
const valueCache = new WeakMap<BenefitParameter, Decimal>();

/**
 * The version of `key` in force at `month` (`YYYY-MM` → its first day, or an IsoDate). Throws if none.
 * Lookups are memoised per parameter array: treat an array as immutable (an edit makes a new array).
 */
export function parameterVersionAt(params: readonly BenefitParameter[], key: string, month: string): BenefitParameter {
	let cache = lookupCache.get(params);
	if (!cache) {
		cache = new Map();
		lookupCache.set(params, cache);
	}
	const cacheKey = `${key}|${month}`;
	const hit = cache.get(cacheKey);
	if (hit) return hit;
	const date = toLookupDate(month);
	const versions = indexOf(params).get(key);
	if (!versions) {
		throw new BenefitParameterError(`Paramètre « ${key} » inconnu de la table des paramètres.`, key, date);
	}
	for (const v of versions) {
		if (v.effectiveFrom <= date && (v.effectiveTo == null || date <= v.effectiveTo)) {
			cache.set(cacheKey, v);
			return v;
		}
	}
	throw new BenefitParameterError(
		`Paramètre « ${key} » : aucune valeur en vigueur au ${date} (versions du ${versions
			.map((v) => v.effectiveFrom)
			.reverse()
			.join(', du ')}).`,
		key,
		date
	);
}

/** The exact Decimal value of a parameter row (memoised; Decimals are immutable). */
export function parameterValue(row: BenefitParameter): Decimal {
	let d = valueCache.get(row);
	if (!d) {
		d = new Decimal(row.value);
		valueCache.set(row, d);
	}
	return d;
}

/** The value of `key` in force at `month` (`YYYY-MM` or IsoDate), as an exact Decimal. Throws if none. */
export function parameterAt(params: readonly BenefitParameter[], key: string, month: string): Decimal {
	return parameterValue(parameterVersionAt(params, key, month));
}

/** The smallest value any version of `key` ever had (used for the AF age-majoration pivot). */
export function parameterMinValue(params: readonly BenefitParameter[], key: string): Decimal {
	const versions = indexOf(params).get(key);
	if (!versions) throw new BenefitParameterError(`Paramètre « ${key} » inconnu de la table des paramètres.`, key, '');
	return Decimal.min(...versions.map((v) => new Decimal(v.value)));
}

/**
 * Checks a parameter table an admin edited: decimal values, valid dates, no overlap between versions of a
 * key. Returns French messages (empty when valid).
 */
export function validateParameters(params: readonly BenefitParameter[]): string[] {
	const problems: string[] = [];
	const byKey = new Map<string, BenefitParameter[]>();
	for (const row of params) {
		if (!/^-?\d+(\.\d+)?$/.test(row.value)) problems.push(`${row.key} : valeur « ${row.value} » non décimale`);
		if (!/^\d{4}-\d{2}-\d{2}$/.test(row.effectiveFrom)) problems.push(`${row.key} : date de début invalide`);
		if (row.effectiveTo != null && row.effectiveTo < row.effectiveFrom)
			problems.push(`${row.key} : fin avant le début`);
		const list = byKey.get(row.key) ?? [];
		list.push(row);
		byKey.set(row.key, list);
	}
	for (const [key, list] of byKey) {
		const sorted = [...list].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
		for (let i = 1; i < sorted.length; i++) {
			const prev = sorted[i - 1];
			if (prev.effectiveTo == null || prev.effectiveTo >= sorted[i].effectiveFrom) {
				problems.push(`${key} : les versions du ${prev.effectiveFrom} et du ${sorted[i].effectiveFrom} se chevauchent`);
			}
		}
	}
	return problems;
}
