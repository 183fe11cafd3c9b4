/**
 * Dated parameters (data table) of the minimum incomes: CRDS, SMIC, RSA, prime d'activité, ASS and the
 * prime de Noël. Every version cites the text that set it; OpenFisca-France's parameter tree (read at
 * a7038ee, 2026-07-23) is the cross-reference for values and dates. "[À VÉRIFIER]" marks a value or a
 * reference that could not be confirmed.
 */
import { OF, constant, series, table } from './parameter-series';
import type { BenefitParameter } from './types';

const MS = `${OF}prestations_sociales/solidarite_insertion/minima_sociaux/`;
const RSA = `${MS}rsa/`;
const PPA = `${MS}ppa/`;
const SMIC = `${OF}marche_travail/salaire_minimum/smic/`;
const D2009 = 'Décret n° 2009-404 du 15/04/2009';

export const MINIMA_PARAMETERS: BenefitParameter[] = [
	...constant(
		'crds.rate',
		'rate',
		'Taux de CRDS prélevé sur les prestations familiales, les aides au logement et la prime d’activité',
		'1996-02-01',
		'0.005',
		'Ordonnance n° 96-50 du 24 janvier 1996 ; benefits.md §0'
	),
	...series('smic.hourly', 'eur', 'SMIC horaire brut', [
		[
			'2024-01-01',
			'11.65',
			`Décret du 20/12/2023 portant relèvement du SMIC (JORFARTI000048604684) ; ${SMIC}smic_b_horaire.yaml`
		],
		['2024-11-01', '11.88', 'Décret n° 2024-951 du 23 octobre 2024 (Légifrance JORFTEXT000050392683)'],
		['2026-01-01', '12.02', `Décret n° 2025-1228 du 17 décembre 2025 ; ${SMIC}smic_b_horaire.yaml [3d48ff7]`],
		[
			'2026-06-01',
			'12.31',
			`Arrêté du 22 mai 2026 relatif au relèvement du SMIC (revalorisation automatique de +2,41 %, service-public.fr A18916) ; ${SMIC}smic_b_horaire.yaml [3d48ff7]`
		]
	]),
	...constant(
		'smic.annual_hours',
		'count',
		'Heures annuelles d’un SMIC à temps plein (35 h × 52 semaines)',
		'2002-01-01',
		'1820',
		'Loi n° 2000-37 du 19 janvier 2000 (35 h pour toutes les entreprises au 01/01/2002) ; Code du travail, art. L3121-27'
	),

	// ── RSA ──────────────────────────────────────────────────────────────────
	...series('rsa.base_amount', 'eur', 'Montant forfaitaire du RSA (1 personne)', [
		['2023-04-01', '607.75', `Décret n° 2023-340 du 4 mai 2023, art. 1 ; ${RSA}rsa_m/montant_de_base_du_rsa.yaml`],
		['2024-04-01', '635.71', `Décret n° 2024-396 du 29 avril 2024, art. 1 ; ${RSA}rsa_m/montant_de_base_du_rsa.yaml`],
		['2025-04-01', '646.52', `Décret n° 2025-293 du 29 mars 2025, art. 1 ; ${RSA}rsa_m/montant_de_base_du_rsa.yaml`],
		['2026-04-01', '651.69', `Décret n° 2026-220 du 30 mars 2026, art. 1 ; ${RSA}rsa_m/montant_de_base_du_rsa.yaml`]
	]),
	...table(
		'rate',
		[
			['rsa.maj.second_person', 'Majoration du RSA pour la 2e personne du foyer'],
			['rsa.maj.third_person', 'Majoration du RSA pour la 3e personne du foyer'],
			['rsa.maj.fourth_person_couple', 'Majoration du RSA pour la 4e personne d’un couple'],
			['rsa.maj.further_person', 'Majoration du RSA par personne suivante (dès la 4e pour un parent isolé)']
		],
		[
			[
				'2009-06-01',
				`${D2009} (CASF, art. R262-1) ; ${RSA}rsa_maj/maj_montant_max/*.yaml`,
				['0.5', '0.3', '0.3', '0.4']
			]
		]
	),
	...table(
		'rate',
		[
			['rsa.majore.base_rate', 'RSA majoré (parent isolé, grossesse) : coefficient de base'],
			['rsa.majore.per_child_rate', 'RSA majoré : coefficient par enfant à charge']
		],
		[
			[
				'2016-01-01',
				`Décret n° 2015-1710 du 21/12/2015 ; CASF, art. R262-1 ; ${RSA}rsa_maj/majoration_isolement_en_base_rsa/*.yaml`,
				['1.28412', '0.42804']
			]
		]
	),
	...table(
		'count',
		[
			['rsa.majore.child_age_limit', 'RSA majoré : âge limite du plus jeune enfant'],
			['rsa.majore.separation_months', 'RSA majoré : durée après la séparation (mois)'],
			['rsa.min_age', 'RSA : âge minimum sans enfant ni grossesse'],
			['rsa.min_age_young', 'RSA : âge minimum (parent, grossesse ou jeune actif)']
		],
		[
			[
				'2009-06-01',
				`Loi n° 2008-1249 du 1er décembre 2008 ; ${D2009} (CASF, art. L262-4, L262-7-1 et R262-2) ; ${RSA}rsa_cond/*.yaml`,
				['3', '12', '25', '18']
			]
		]
	),
	...table(
		'count',
		[
			['rsa.jeune_actif.hours', 'RSA jeune actif : heures travaillées exigées'],
			['rsa.jeune_actif.years', 'RSA jeune actif : période de référence (années avant la demande)']
		],
		[
			[
				'2010-09-01',
				`Décret n° 2010-961 du 25 août 2010 (CASF, art. D262-25-1) ; ${RSA}rsa_cond/rsa_jeune_en_heure.yaml`,
				['3214', '3']
			]
		]
	),
	...table(
		'rate',
		[
			['rsa.fl.rate_1p', 'Forfait logement RSA/PPA, 1 personne (part du montant de base)'],
			['rsa.fl.rate_2p', 'Forfait logement RSA/PPA, 2 personnes (part du montant pour 2)'],
			['rsa.fl.rate_3p', 'Forfait logement RSA/PPA, 3 personnes ou plus (part du montant pour 3)'],
			['rsa.fl.mult_2p', 'Forfait logement : coefficient du montant pour 2 personnes'],
			['rsa.fl.mult_3p', 'Forfait logement : coefficient du montant pour 3 personnes']
		],
		[
			[
				'2009-06-01',
				`${D2009} (CASF, art. R262-9 et R262-10) ; ${RSA}rsa_fl/forfait_logement/*.yaml`,
				['0.12', '0.16', '0.165', '1.5', '1.8']
			]
		]
	),
	...constant(
		'rsa.savings_rate',
		'rate',
		'Revenu annuel forfaitaire compté sur l’épargne non productive (RSA)',
		'2009-06-01',
		'0.03',
		`CASF, art. R132-1 et R262-6 ; ${RSA}rsa_cond/patrimoine/taux_interet_forfaitaire_epargne_non_imposable.yaml`
	),
	...constant(
		'rsa.asf_forfait_rate',
		'rate',
		'ASF comptée dans les ressources RSA/PPA (part de la BMAF par enfant), au plus l’ASF versée',
		'2022-11-01',
		'0.225',
		`Décret n° 2014-554 du 27 mai 2014 (CASF, art. R262-10-1 ; CSS, art. R844-4), inchangé depuis le 01/04/2014 ; ${RSA}rsa_maj/forfait_asf/taux2.yaml`
	),
	...constant(
		'rsa.payment_threshold',
		'eur',
		'Seuil de versement du RSA',
		'2009-06-01',
		'6',
		`${D2009} (CASF, art. R262-39) ; ${RSA}rsa_maj/montant_minimum_verse.yaml`
	),

	// ── Prime d'activité ─────────────────────────────────────────────────────
	...series('ppa.base_amount', 'eur', 'Montant forfaitaire de la prime d’activité', [
		['2023-04-01', '595.25', `Décret n° 2023-343 du 4 mai 2023, art. 1 ; ${PPA}pa_m/montant_de_base.yaml`],
		['2024-04-01', '622.63', `Décret n° 2024-403 du 1er mai 2024, art. 1 ; ${PPA}pa_m/montant_de_base.yaml`],
		['2025-04-01', '633.21', `Décret n° 2025-294 du 29 mars 2025, art. 1 ; ${PPA}pa_m/montant_de_base.yaml`],
		['2026-04-01', '638.28', `Décret n° 2026-222 du 30 mars 2026, art. 2 ; ${PPA}pa_m/montant_de_base.yaml [f3e7754]`]
	]),
	...series('ppa.earnings_rate', 'rate', 'Part des revenus d’activité retenue (pente de la prime d’activité)', [
		[
			'2018-08-01',
			'0.61',
			`Décret n° 2018-836 du 3 octobre 2018 (CSS, art. D843-3) ; ${PPA}pa_m/majoration_ressources_revenus_activite.yaml`
		],
		[
			'2025-04-01',
			'0.5985',
			`Décret n° 2025-292 du 29 mars 2025 (CSS, art. D843-3 : 59,85 % au lieu de 61 %, JORF du 30/03/2025, JORFTEXT000051393074) ; ${PPA}pa_m/majoration_ressources_revenus_activite.yaml [06a211d]`
		]
	]),
	...constant(
		'ppa.bonification.threshold_hours',
		'count',
		'Bonification : seuil en heures de SMIC',
		'2016-01-01',
		'59',
		`Décret n° 2015-1710 du 21/12/2015 (CSS, art. D843-2) ; ${PPA}pa_m/bonification/seuil_bonification.yaml`
	),
	...series('ppa.bonification.max_hours', 'count', 'Bonification : plafond en heures de SMIC', [
		[
			'2018-10-01',
			'120',
			`Décret n° 2018-1197 du 21/12/2018 (CSS, art. D843-2) ; ${PPA}pa_m/bonification/seuil_max_bonification.yaml`
		],
		[
			'2026-04-01',
			'138',
			`Décret n° 2026-222 du 30 mars 2026, art. 1 (CSS, art. D843-2 ; JORF du 31/03/2026, JORFTEXT000053733855 d’après OpenFisca) ; ${PPA}pa_m/bonification/seuil_max_bonification.yaml [f3e7754]`
		]
	]),
	...series('ppa.bonification.max_rate', 'rate', 'Bonification maximale (part du montant forfaitaire)', [
		[
			'2018-10-01',
			'0.29101',
			`Décret n° 2018-1197 du 21/12/2018 (CSS, art. D843-2) ; ${PPA}pa_m/bonification/taux_bonification_max.yaml`
		],
		[
			'2026-04-01',
			'0.377',
			`Décret n° 2026-222 du 30 mars 2026, art. 1 (CSS, art. D843-2 ; JORF du 31/03/2026, JORFTEXT000053733855 d’après OpenFisca) ; ${PPA}pa_m/bonification/taux_bonification_max.yaml [f3e7754]`
		]
	]),
	...table(
		'count',
		[
			['ppa.min_age', 'Prime d’activité : âge minimum'],
			['ppa.student_hours', 'Étudiants et apprentis : heures de SMIC du plancher de revenus']
		],
		[
			[
				'2016-01-01',
				`Loi n° 2015-994 du 17 août 2015, art. 57 (CSS, art. L842-1 et L842-2) ; ${PPA}pa_cond/age_min.yaml ; OpenFisca ppa_plancher_revenu_activite_apprenant (169 h)`,
				['18', '169']
			]
		]
	),
	...constant(
		'ppa.student_smic_share',
		'rate',
		'Étudiants et apprentis : part du SMIC du plancher de revenus',
		'2016-01-01',
		'0.55',
		`CSS, art. L842-2 et R512-2 (55 % du SMIC) ; ${OF}prestations_sociales/prestations_familiales/def_pac/revenu_plafond_pac_non_scolaire.yaml`
	),
	...constant(
		'ppa.payment_threshold',
		'eur',
		'Seuil de versement de la prime d’activité',
		'2016-01-01',
		'15',
		`Décret n° 2015-1710 du 21/12/2015 (CSS, art. D843-1 et D846-2) ; ${PPA}pa_m/montant_minimum_verse.yaml`
	),

	// ── ASS ──────────────────────────────────────────────────────────────────
	...series('ass.daily_amount', 'eur', 'ASS : montant journalier à taux plein', [
		[
			'2023-04-01',
			'18.17',
			`Décret n° 2023-301 du 22 avril 2023, art. 1 ; ${OF}chomage/allocations_assurance_chomage/ass/montant_plein.yaml`
		],
		[
			'2024-04-01',
			'19.01',
			`Décret n° 2024-341 du 12 avril 2024, art. 1 ; ${OF}chomage/allocations_assurance_chomage/ass/montant_plein.yaml`
		],
		[
			'2025-04-01',
			'19.33',
			`Décret n° 2025-302 du 31 mars 2025, art. 1 ; ${OF}chomage/allocations_assurance_chomage/ass/montant_plein.yaml`
		],
		[
			'2026-04-01',
			'19.48',
			`Décret n° 2026-219 du 30 mars 2026, art. 1 ; ${OF}chomage/allocations_assurance_chomage/ass/montant_plein.yaml [78d0cb1]`
		]
	]),
	...table(
		'count',
		[
			['ass.days_per_month', 'ASS : jours par mois (mois moyen retenu par BGV)'],
			['ass.ceiling_days_single', 'ASS : plafond de ressources d’une personne seule (en jours d’allocation)'],
			['ass.ceiling_days_couple', 'ASS : plafond de ressources d’un couple (en jours d’allocation)']
		],
		[
			[
				'2005-01-01',
				`Code du travail, art. R5423-1 (plafonds de 70 et 110 fois le montant journalier) ; ${OF}chomage/allocations_assurance_chomage/ass/{plaf_seul,plaf_coup}.yaml ; 30 jours : convention de calcul de BGV (France Travail paie le nombre de jours du mois)`,
				['30', '70', '110']
			]
		]
	),

	// ── Prime de Noël ────────────────────────────────────────────────────────
	...constant(
		'prime_noel.amount',
		'eur',
		'Aide exceptionnelle de fin d’année (personne seule, ou ASS/AER)',
		'2003-12-01',
		'152.45',
		`Décret n° 2003-1283 du 26/12/2003, montant reconduit chaque année par décret ; ${MS.replace('minima_sociaux', 'autre_solidarite')}aefa/montant_prime.yaml [1f782d3] [À VÉRIFIER : décret de décembre 2026]`
	)
];
