/**
 * Dated parameters (data table) of the family benefits paid from the BMAF: allocations familiales,
 * complément familial, allocation de rentrée scolaire, allocation de soutien familial, PAJE allocation de
 * base. Income ceilings apply to the income of year N-2 and change on 1 January; amounts follow the BMAF
 * (1 April). OpenFisca-France (a7038ee) is the cross-reference for every value and date.
 */
import { OF, constant, series, table } from './parameter-series';
import type { BenefitParameter } from './types';

const PF = `${OF}prestations_sociales/prestations_familiales/`;
const AF = `${PF}prestations_generales/af/`;
const CF = `${PF}prestations_generales/cf/`;
const ARS = `${PF}education_presence_parentale/ars/`;
const PAJE = `${PF}petite_enfance/paje/`;
/** The yearly instructions and arrêtés that set the income ceilings of the family benefits. */
const CEILINGS_2024 = 'Instruction interministérielle DSS/2B/2023/205 du 21/12/2023 et arrêté du 22/12/2023';
const CEILINGS_2025 = 'Instruction interministérielle DSS/2B/2024/181 du 20/12/2024 et arrêté du 20/12/2024';
const CEILINGS_2026 = 'Instruction interministérielle DSS/2B/2025/177 du 18/12/2025 et arrêté du 18/12/2025';

export const FAMILY_PARAMETERS: BenefitParameter[] = [
	...series('bmaf', 'eur', 'Base mensuelle de calcul des allocations familiales (BMAF)', [
		['2023-04-01', '445.93', `Instruction interministérielle DSS/2B/2023/41 du 24/03/2023 ; ${PF}bmaf/bmaf.yaml`],
		['2024-04-01', '466.44', `Instruction interministérielle DSS/2B/2024/43 du 20/03/2024 ; ${PF}bmaf/bmaf.yaml`],
		['2025-04-01', '474.37', `Instruction interministérielle DSS/2A/2C/2025/32 du 07/03/2025 ; ${PF}bmaf/bmaf.yaml`],
		[
			'2026-04-01',
			'478.16',
			`Instruction interministérielle du 20/03/2026 relative à la revalorisation au 01/04/2026 des prestations familiales (OpenFisca la cite DSS/2A/2026/36, son adresse DSS/2B/2026/46) ; ${PF}bmaf/bmaf.yaml [207a7b3]`
		]
	]),

	// ── Allocations familiales ───────────────────────────────────────────────
	...constant(
		'af.rate_two_children',
		'rate',
		'AF : 2 enfants (part de la BMAF)',
		'1982-02-01',
		'0.32',
		`CSS, art. D521-1 ; ${AF}af_cm/taux/enf2.yaml`
	),
	...constant(
		'af.rate_per_further_child',
		'rate',
		'AF : par enfant à partir du 3e (part de la BMAF)',
		'1986-01-01',
		'0.41',
		`CSS, art. D521-1 ; ${AF}af_cm/taux/enf3.yaml`
	),
	...constant(
		'af.majoration_rate',
		'rate',
		'AF : majoration pour âge (part de la BMAF)',
		'2008-05-01',
		'0.16',
		`Décret n° 2008-410 du 28/04/2008 (CSS, art. D521-1) ; ${AF}af_maj/maj_age_deux_enfants/taux1.yaml`
	),
	...constant(
		'af.forfait_20_rate',
		'rate',
		'AF : forfait d’allocation à 20 ans (part de la BMAF)',
		'2003-07-01',
		'0.20234',
		`Décret n° 2003-573 du 27/06/2003 (CSS, art. D521-2) ; ${AF}af_maj/majoration_enfants/allocation_forfaitaire/taux.yaml`
	),
	...series('af.majoration_age', 'count', 'AF : âge de la majoration (selon la date des 14 ans de l’enfant)', [
		[
			'2008-05-01',
			'14',
			`Décret n° 2008-409 du 28/04/2008 (CSS, art. R521-1) ; ${AF}af_maj/maj_age_deux_enfants/age1.yaml`
		],
		[
			'2026-03-01',
			'18',
			`Décret n° 2026-138 du 27 février 2026 (enfants ayant 14 ans à partir du 01/03/2026) ; ${AF}af_maj/maj_age_deux_enfants/age1.yaml [af9a97c]`
		]
	]),
	...constant(
		'af.max_child_age',
		'count',
		'AF : âge limite de l’enfant à charge',
		'2003-07-01',
		'20',
		`CSS, art. L512-3 et R512-2 ; ${AF}af_cm/age3.yaml`
	),
	...table(
		'eur_year',
		[
			['af.ceiling_t1_base', 'AF : plafond de la 1re tranche de modulation (base)'],
			['af.ceiling_t2_base', 'AF : plafond de la 2e tranche de modulation (base)'],
			['af.ceiling_per_child', 'AF : majoration des plafonds de modulation par enfant']
		],
		[
			['2024-01-01', `${CEILINGS_2024} ; ${AF}af_cond_ress/*.yaml`, ['62474', '87430', '6246']],
			['2025-01-01', `${CEILINGS_2025} ; ${AF}af_cond_ress/*.yaml`, ['65473', '91627', '6546']],
			['2026-01-01', `${CEILINGS_2026} ; ${AF}af_cond_ress/*.yaml [44afce1]`, ['66652', '93276', '6664']]
		]
	),
	...table(
		'rate',
		[
			['af.modulation_rate_t2', 'AF : coefficient au-delà du 1er plafond (moitié)'],
			['af.modulation_rate_t3', 'AF : coefficient au-delà du 2e plafond (quart)']
		],
		[
			[
				'2015-07-01',
				`Décret n° 2015-611 du 03/06/2015 (CSS, art. D521-1) ; ${AF}af_cm/modulation/*.yaml`,
				['0.5', '0.25']
			]
		]
	),

	// ── Complément familial ──────────────────────────────────────────────────
	...constant(
		'cf.rate_base',
		'rate',
		'Complément familial (part de la BMAF)',
		'1983-01-01',
		'0.4165',
		`CSS, art. D522-1 ; ${CF}cf_cm/complement_familial/taux_cf_base.yaml`
	),
	...constant(
		'cf.rate_majore',
		'rate',
		'Complément familial majoré (part de la BMAF)',
		'2018-04-01',
		'0.6248',
		`CSS, art. D522-2 ; circulaire DSS/SD2B/2018/81 du 22/03/2018 ; ${CF}cf_cm/complement_familial/taux_cf_majore.yaml`
	),
	...constant(
		'cf.ceiling_rate_first_two',
		'rate',
		'CF : majoration du plafond par enfant (1er et 2e)',
		'1986-01-01',
		'0.25',
		`Décret n° 85-1353 du 17/12/1985 (CSS, art. R522-2) ; ${CF}cf_plaf/majoration/deux_premiers_enf.yaml`
	),
	...constant(
		'cf.ceiling_rate_further',
		'rate',
		'CF : majoration du plafond par enfant à partir du 3e',
		'2010-01-01',
		'0.3',
		`CSS, art. R522-2 ; arrêté du 29/12/2009 ; ${CF}cf_plaf/majoration/troisieme_enf_et_plus.yaml`
	),
	...constant(
		'cf.majore_share',
		'rate',
		'CF majoré : part du plafond de ressources',
		'2014-04-01',
		'0.5',
		`CSS, art. L522-3 et D522-2 ; ${CF}cf_plaf/plafond_cf_majore.yaml`
	),
	...table(
		'eur_year',
		[
			['cf.ceiling_base', 'CF : plafond de ressources de base (N-2)'],
			['cf.ceiling_dual_bonus', 'CF : majoration du plafond (deux revenus ou parent isolé)']
		],
		[
			['2024-01-01', `${CEILINGS_2024} ; ${CF}cf_plaf/*.yaml`, ['23296', '9363']],
			['2025-01-01', `${CEILINGS_2025} ; ${CF}cf_plaf/*.yaml`, ['24414', '9812']],
			['2026-01-01', `${CEILINGS_2026} ; ${CF}cf_plaf/*.yaml [5cd92b6, 6102f98, a872730]`, ['24853', '9989']]
		]
	),
	...table(
		'count',
		[
			['cf.min_children', 'CF : nombre minimum d’enfants'],
			['cf.min_child_age', 'CF : âge minimum des enfants']
		],
		[['1986-07-01', `Décret n° 85-1353 du 17/12/1985 (CSS, art. L522-1 et R522-1) ; ${CF}cf_cm/*.yaml`, ['3', '3']]]
	),
	...constant(
		'cf.max_child_age',
		'count',
		'CF : âge limite des enfants',
		'2000-02-01',
		'21',
		`Décret n° 2000-71 du 28/01/2000 (CSS, art. R522-1) ; ${CF}cf_cm/age_max.yaml`
	),

	// ── Allocation de rentrée scolaire ───────────────────────────────────────
	...table(
		'rate',
		[
			['ars.rate_6_10', 'ARS 6–10 ans (part de la BMAF)'],
			['ars.rate_11_14', 'ARS 11–14 ans (part de la BMAF)'],
			['ars.rate_15_18', 'ARS 15–18 ans (part de la BMAF)']
		],
		[
			[
				'2012-08-01',
				`Décret n° 2012-830 du 27/06/2012 (CSS, art. D543-1) ; ${ARS}ars_m/*.yaml`,
				['0.8972', '0.9467', '0.9795']
			]
		]
	),
	...constant(
		'ars.ceiling_per_child_rate',
		'rate',
		'ARS : majoration du plafond par enfant',
		'1986-07-01',
		'0.3',
		`Décret n° 85-1353 du 17/12/1985 (CSS, art. R543-5) ; ${ARS}ars_plaf/majoration_par_enf_supp.yaml`
	),
	...series('ars.ceiling_base', 'eur_year', 'ARS : plafond de ressources de base (N-2)', [
		['2024-01-01', `20878`, `Arrêté du 22/12/2023, art. 3 (CSS, art. L543-1) ; ${ARS}ars_plaf/plafond_ressources.yaml`],
		['2025-01-01', '21880', `Arrêté du 20/12/2024, art. 3 ; ${ARS}ars_plaf/plafond_ressources.yaml`],
		['2026-01-01', '22274', `${CEILINGS_2026} ; ${ARS}ars_plaf/plafond_ressources.yaml [a374d54]`]
	]),
	...constant(
		'ars.min_age',
		'count',
		'ARS : âge minimum (atteint au 31 décembre de la rentrée)',
		'1974-08-14',
		'6',
		`Décret n° 74-706 du 13/08/1974 (CSS, art. R543-2) ; ${ARS}ars_cond/age_entree_primaire.yaml`
	),
	...table(
		'count',
		[
			['ars.age_band_2', 'ARS : début de la tranche 11–14 ans (âge au 15 septembre)'],
			['ars.age_band_3', 'ARS : début de la tranche 15–18 ans (âge au 15 septembre)']
		],
		[['2002-01-01', `CSS, art. D543-1 ; ${ARS}ars_cond/age_entree_{college,lycee}.yaml`, ['11', '15']]]
	),
	...constant(
		'ars.max_age',
		'count',
		'ARS : âge maximum (au 15 septembre)',
		'1990-09-05',
		'18',
		`Décret n° 90-776 du 03/09/1990 (CSS, art. R543-2) ; ${ARS}ars_cond/age_sortie_lycee.yaml`
	),
	...constant(
		'ars.school_declaration_age',
		'count',
		'ARS : âge à partir duquel la scolarité doit être déclarée',
		'2019-09-01',
		'16',
		'Code de l’éducation, art. L131-1 (instruction obligatoire de 3 à 16 ans, loi n° 2019-791 du 26/07/2019) ; service-public.fr F1878'
	),
	...constant(
		'ars.payment_threshold',
		'eur',
		'Seuil de versement de l’ARS',
		'2002-08-09',
		'15',
		`Décret n° 2002-1060 du 07/08/2002 (CSS, art. D543-2) ; ${ARS}montant_minimum_verse.yaml`
	),

	// ── ASF and PAJE ─────────────────────────────────────────────────────────
	...constant(
		'asf.rate',
		'rate',
		'ASF par enfant (part de la BMAF)',
		'2022-11-01',
		'0.422',
		`Décret n° 2022-1370 du 27/10/2022 (CSS, art. R523-7) ; ${PF}education_presence_parentale/asf/montant_asf/orphelin_assimile_seul_parent.yaml [6e719c4]`
	),
	...constant(
		'asf.payment_threshold',
		'eur',
		'Seuil de versement de l’ASF (ASF différentielle comprise)',
		'2018-07-01',
		'15',
		`CSS, art. D523-3 ; ${PF}education_presence_parentale/asf/seuil.yaml`
	),
	...table(
		'rate',
		[
			['paje.rate_full', 'PAJE allocation de base, taux plein (part de la BMAF)'],
			['paje.rate_partial', 'PAJE allocation de base, taux partiel (part de la BMAF)'],
			['paje.ceiling_rate_first_two', 'PAJE : majoration du plafond par enfant (1er et 2e)'],
			['paje.ceiling_rate_further', 'PAJE : majoration du plafond par enfant à partir du 3e']
		],
		[
			[
				'2018-04-01',
				`Décret n° 2018-312 du 26/04/2018 (CSS, art. D531-3 et R531-1) ; ${PAJE}paje_cm/montant/*, paje_plaf/ne_adopte_apres_04_2018/majorations_enfants/*`,
				['0.4165', '0.20825', '0.25', '0.3']
			]
		]
	),
	...table(
		'eur_year',
		[
			['paje.ceiling_base', 'PAJE : plafond de ressources du taux plein (base, N-2)'],
			['paje.ceiling_dual_bonus', 'PAJE : majoration du plafond du taux plein (deux revenus ou parent isolé)'],
			['paje.partial_ceiling_base', 'PAJE : plafond de ressources du taux partiel (base, N-2)'],
			['paje.partial_ceiling_dual_bonus', 'PAJE : majoration du plafond du taux partiel (deux revenus ou parent isolé)']
		],
		[
			[
				'2024-01-01',
				`Arrêté du 22/12/2023, art. 1 (CSS, art. L531-3) ; ${PAJE}paje_plaf/ne_adopte_apres_04_2018/*`,
				['23296', '9363', '27833', '11188']
			],
			[
				'2025-01-01',
				`Arrêté du 20/12/2024, art. 1 ; ${PAJE}paje_plaf/ne_adopte_apres_04_2018/*`,
				['24414', '9812', '29169', '11725']
			],
			[
				'2026-01-01',
				`Arrêté du 18/12/2025, art. 1 ; ${PAJE}paje_plaf/ne_adopte_apres_04_2018/* [6e719c4]`,
				['24853', '9989', '29694', '11936']
			]
		]
	),
	...constant(
		'paje.max_child_age',
		'count',
		'PAJE : âge limite du plus jeune enfant',
		'2004-01-01',
		'3',
		'Loi n° 2003-1199 du 18/12/2003 (CSS, art. L531-3 : allocation de base jusqu’aux 3 ans de l’enfant)'
	)
];
