/**
 * Dated parameters (data table) of the housing aid for tenants in metropolitan France (APL, ALF, ALS) and
 * of the réduction de loyer de solidarité (RLS) of social housing. The rent ceilings, the charges forfait
 * and P0 follow the IRL every 1 October; R0 and the student forfait change on 1 January; the RLS amounts
 * and resource ceilings are set by arrêté. OpenFisca-France (a7038ee) is the cross-reference.
 */
import { OF, constant, series, table } from './parameter-series';
import type { BenefitParameter } from './types';

const AL = `${OF}prestations_sociales/aides_logement/`;
const FORMULE = `${AL}allocations_logement/locatif/formule/`;
const RLS = `${AL}reduction_loyer_solidarite/`;
const IRL_2023 = 'Arrêté du 22/09/2023 (revalorisation au 01/10/2023)';
const IRL_2024 = 'Arrêté du 27/09/2024, art. 1 (revalorisation au 01/10/2024 de l’arrêté du 27/09/2019)';
const IRL_2025 =
	'Arrêté du 05/09/2025 relatif au calcul des aides personnelles au logement (revalorisation au 01/10/2025)';
const NOT_2026 = '[À VÉRIFIER : revalorisation du 01/10/2026 non trouvée, valeur reconduite]';
const REFORM_2021 =
	'Décret n° 2019-1574 du 30/12/2019 (ressources des 12 derniers mois, en vigueur au 01/01/2021 ; CCH, art. R822-2 et suivants) ; OpenFisca aide_logement_base_ressources (formula_2021_01_01)';

const ZONE_KEYS = (prefix: string, what: string) =>
	[1, 2, 3].flatMap((z) =>
		(
			[
				['single', 'personne seule'],
				['couple', 'couple sans personne à charge'],
				['one_dependant', 'une personne à charge'],
				['per_extra', 'par personne à charge supplémentaire']
			] as const
		).map(([k, l]) => [`${prefix}.z${z}.${k}`, `${what} zone ${z}, ${l}`] as const)
	);

const RLS_CEILING_KEYS = [1, 2, 3].flatMap((z) =>
	(
		[
			['single', 'personne seule'],
			['couple', 'couple sans personne à charge'],
			['d1', '1 personne à charge'],
			['d2', '2 personnes à charge'],
			['d3', '3 personnes à charge'],
			['d4', '4 personnes à charge'],
			['d5', '5 personnes à charge'],
			['d6', '6 personnes à charge'],
			['per_extra', 'par personne à charge au-delà de 6']
		] as const
	).map(([k, l]) => [`al.rls.ceiling.z${z}.${k}`, `RLS : plafond de ressources mensuelles zone ${z}, ${l}`] as const)
);

export const HOUSING_PARAMETERS: BenefitParameter[] = [
	// Rent ceilings, in the order z1 (single, couple, 1 dependant, per extra), z2 (…), z3 (…).
	...table('eur', ZONE_KEYS('al.ceiling', 'AL : loyer plafond'), [
		[
			'2023-10-01',
			`${IRL_2023} ; ${FORMULE}l_plafonds_loyers/par_zone/*`,
			[
				'319.30',
				'385.09',
				'435.24',
				'63.15',
				'278.28',
				'340.62',
				'383.28',
				'55.79',
				'260.82',
				'316.17',
				'354.51',
				'50.81'
			]
		],
		[
			'2024-10-01',
			`${IRL_2024} ; ${FORMULE}l_plafonds_loyers/par_zone/*`,
			[
				'329.71',
				'397.64',
				'449.43',
				'65.21',
				'287.35',
				'351.72',
				'395.77',
				'57.61',
				'269.32',
				'326.48',
				'366.07',
				'52.47'
			]
		],
		[
			'2025-10-01',
			`${IRL_2025} ; ${FORMULE}l_plafonds_loyers/par_zone/* [5c03718] ${NOT_2026}`,
			[
				'333.14',
				'401.78',
				'454.10',
				'65.89',
				'290.34',
				'355.38',
				'399.89',
				'58.21',
				'272.12',
				'329.88',
				'369.88',
				'53.01'
			]
		]
	]),
	...table(
		'eur',
		[
			['al.charges.base', 'AL : forfait de charges'],
			['al.charges.per_dependant', 'AL : forfait de charges par personne à charge'],
			['al.p0.min', 'AL : participation minimale plancher']
		],
		[
			[
				'2023-10-01',
				`${IRL_2023} ; ${FORMULE}c_forfait_charges/cas_general/*, pp_particip_perso/p0_particip_min/p0_forfait.yaml`,
				['58.08', '13.17', '37.91']
			],
			[
				'2024-10-01',
				`${IRL_2024} ; ${FORMULE}c_forfait_charges/cas_general/*, pp_particip_perso/p0_particip_min/p0_forfait.yaml`,
				['59.97', '13.60', '39.15']
			],
			[
				'2025-10-01',
				`${IRL_2025} ; ${FORMULE}c_forfait_charges/cas_general/* [8f3fde0], p0_particip_min/* [5c03718] ${NOT_2026}`,
				['60.59', '13.74', '39.56']
			]
		]
	),
	...series('al.p0.rate', 'rate', 'AL : participation minimale (part de loyer + charges)', [
		[
			'2001-01-01',
			'0.085',
			`Décret n° 2000-1269 du 26/12/2000 ; ${FORMULE}pp_particip_perso/p0_particip_min/p0_taux.yaml`
		],
		[
			'2025-10-01',
			'0.085',
			`Taux inchangé, version du 01/10/2025 (arrêté du 27/09/2019, art. 13) ; ${FORMULE}pp_particip_perso/p0_particip_min/p0_taux.yaml [5c03718]`
		]
	]),
	...table(
		'eur_year',
		[
			['al.r0.single', 'AL : abattement R0, personne seule'],
			['al.r0.couple', 'AL : abattement R0, couple'],
			['al.r0.d1', 'AL : abattement R0, 1 personne à charge'],
			['al.r0.d2', 'AL : abattement R0, 2 personnes à charge'],
			['al.r0.d3', 'AL : abattement R0, 3 personnes à charge'],
			['al.r0.d4', 'AL : abattement R0, 4 personnes à charge'],
			['al.r0.d5', 'AL : abattement R0, 5 personnes à charge'],
			['al.r0.d6', 'AL : abattement R0, 6 personnes à charge'],
			['al.r0.per_extra', 'AL : abattement R0 par personne à charge au-delà de 6'],
			['al.student_forfait', 'AL : ressources forfaitaires d’un étudiant']
		],
		[
			[
				'2024-01-01',
				`Arrêté du 15/12/2023 relatif au calcul des aides personnelles au logement pour l’année 2024, art. 1 ; ${FORMULE}pp_particip_perso/r0_abattement/cas_general/* ; ${AL}allocations_logement/ressources/etudiants/locatif/dar_4_forfait_ressources.yaml`,
				['5186', '7430', '8862', '9061', '9408', '9758', '10105', '10454', '343', '8400']
			],
			[
				'2025-01-01',
				`Arrêté du 30/12/2024, art. 1, valeurs reconduites pour 2026 par l’arrêté du 28/12/2025 ; ${FORMULE}pp_particip_perso/r0_abattement/cas_general/* [5774966] ; ${AL}allocations_logement/ressources/etudiants/locatif/dar_4_forfait_ressources.yaml`,
				['5235', '7501', '8947', '9148', '9498', '9851', '10202', '10554', '346', '8600']
			]
		]
	),
	...table(
		'rate',
		[
			['al.tf.single', 'AL : taux TF, personne seule'],
			['al.tf.couple', 'AL : taux TF, couple'],
			['al.tf.d1', 'AL : taux TF, 1 personne à charge'],
			['al.tf.d2', 'AL : taux TF, 2 personnes à charge'],
			['al.tf.d3', 'AL : taux TF, 3 personnes à charge'],
			['al.tf.d4', 'AL : taux TF, 4 personnes à charge'],
			['al.tf.d5', 'AL : taux TF, 5 personnes à charge'],
			['al.tf.d6', 'AL : taux TF, 6 personnes à charge'],
			['al.tf.per_extra', 'AL : taux TF par personne à charge au-delà de 6'],
			['al.tl.threshold_low', 'AL : rapport RL à partir duquel TL s’applique'],
			['al.tl.rate_low', 'AL : taux TL entre les deux seuils'],
			['al.tl.threshold_high', 'AL : second seuil du rapport RL'],
			['al.tl.rate_high', 'AL : taux TL au-delà du second seuil'],
			['al.tl.offset_high', 'AL : TL au second seuil']
		],
		[
			[
				'2007-07-01',
				`Arrêté du 10/07/2007 ; arrêté du 27/09/2019, art. 14 ; ${FORMULE}pp_particip_perso/tp_taux/{tf_taille_famille/metropole,tl_loyer}/* [604df35, 3c4cd0d]`,
				[
					'0.0283',
					'0.0315',
					'0.027',
					'0.0238',
					'0.0201',
					'0.0185',
					'0.0179',
					'0.0173',
					'-0.0006',
					'0.45',
					'0.0045',
					'0.75',
					'0.0068',
					'0.00135'
				]
			]
		]
	),
	...constant(
		'al.minoration',
		'eur',
		'AL : minoration forfaitaire',
		'2017-10-01',
		'5',
		`Arrêté du 28/09/2017 ; ${AL}allocations_logement/locatif/minoration_forfaitaire.yaml [604df35]`
	),
	...constant(
		'al.payment_threshold',
		'eur',
		'Seuil de versement des aides au logement',
		'2017-10-01',
		'10',
		`Décret n° 2017-1413 du 28/09/2017 ; ${AL}allocations_logement/locatif/seuils_minimum_versement/non_apl.yaml`
	),
	...constant(
		'al.earned_income_share',
		'rate',
		'AL : part des revenus imposables retenue (abattement de 10 %)',
		'2021-01-01',
		'0.9',
		REFORM_2021
	),
	...constant(
		'al.resources_rounding',
		'eur_year',
		'AL : arrondi des ressources à la centaine supérieure',
		'2021-01-01',
		'100',
		REFORM_2021
	),
	...constant(
		'al.student_scholar_reduction',
		'eur_year',
		'AL : réduction du forfait étudiant pour un boursier',
		'2024-01-01',
		'1700',
		`Arrêté du 15/12/2023, art. 1 (non revalorisé depuis) ; ${AL}allocations_logement/ressources/etudiants/locatif/dar_5_minoration_boursier.yaml`
	),
	...constant(
		'al.capital_threshold',
		'eur',
		'AL : patrimoine au-delà duquel il est compté',
		'2016-10-01',
		'30000',
		`Décret n° 2016-1385 du 12/10/2016 (CCH, art. L822-5 et R822-22) ; ${AL}allocations_logement/ressources/patrimoine/seuil_valorisation.yaml`
	),
	...constant(
		'al.capital_rate',
		'rate',
		'AL : revenu annuel forfaitaire du patrimoine compté',
		'2016-10-01',
		'0.03',
		'Décret n° 2016-1385 du 12/10/2016 (CCH, art. R822-22 : 3 % des capitaux)'
	),

	// ── Réduction de loyer de solidarité (HLM) ───────────────────────────────
	...constant(
		'al.rls_share',
		'rate',
		'AL : part de la réduction de loyer de solidarité (RLS) déduite en HLM',
		'2018-01-01',
		'0.98',
		`Arrêté du 27/02/2018 relatif à la réduction de loyer de solidarité ; ${RLS}fraction_baisse_aide_logement.yaml`
	),
	...table('eur', ZONE_KEYS('al.rls', 'RLS : montant mensuel'), [
		[
			'2024-01-01',
			`Arrêté du 29/12/2023 relatif à la revalorisation des plafonds de ressources et des montants de RLS ; ${RLS}montant/par_zone/*`,
			['55.20', '66.73', '75.31', '10.78', '48.45', '59.15', '66.06', '9.60', '45.36', '54.92', '61.42', '8.65']
		],
		[
			'2025-06-01',
			`Arrêté du 21/05/2025 relatif à la revalorisation des plafonds de ressources et des montants de RLS ; ${RLS}montant/par_zone/*`,
			['39.69', '47.98', '54.14', '7.75', '34.83', '42.53', '47.49', '6.90', '32.61', '39.48', '44.16', '6.22']
		],
		[
			'2026-06-01',
			`Arrêté du 22 mai 2026 modifiant l’arrêté du 27 février 2018 relatif à la RLS ; ${RLS}montant/par_zone/* [4415f56]`,
			['35.99', '43.51', '49.09', '7.03', '31.58', '38.56', '43.06', '6.26', '29.57', '35.80', '40.04', '5.64']
		]
	]),
	// Monthly resource ceilings, z1 (single, couple, 1…6 dependants, per extra), z2 (…), z3 (…).
	...table('eur', RLS_CEILING_KEYS, [
		[
			'2024-01-01',
			`Arrêté du 29/12/2023 relatif à la revalorisation des plafonds de ressources de la RLS ; ${RLS}plafond_ressources/par_zone/* (non revalorisés en 2025 d’après OpenFisca)`,
			[
				...['959', '1155', '1470', '1749', '2141', '2470', '2750', '3045', '297'],
				...['895', '1092', '1393', '1659', '2036', '2351', '2617', '2897', '279'],
				...['868', '1056', '1351', '1610', '1967', '2273', '2527', '2799', '259']
			]
		],
		[
			'2026-01-01',
			`Arrêté du 23/12/2025 relatif à la revalorisation des plafonds de ressources de la RLS ; ${RLS}plafond_ressources/par_zone/*`,
			[
				...['970', '1168', '1486', '1768', '2165', '2497', '2781', '3079', '300'],
				...['905', '1104', '1408', '1677', '2059', '2377', '2646', '2929', '282'],
				...['878', '1068', '1366', '1628', '1989', '2298', '2555', '2830', '262']
			]
		]
	])
];
