/**
 * Dated parameters (data table) of disability, old age, health and energy: AAH, ASPA, ASI, the
 * complémentaire santé solidaire and the chèque énergie. OpenFisca-France (a7038ee) is the
 * cross-reference; "[À VÉRIFIER]" marks what could not be confirmed.
 */
import { OF, constant, series, table } from './parameter-series';
import type { BenefitParameter } from './types';

const INV = `${OF}prestations_sociales/prestations_etat_de_sante/invalidite/`;
const ASPA = `${OF}prestations_sociales/solidarite_insertion/minimum_vieillesse/aspa/`;
const CSS = `${OF}prestations_sociales/solidarite_insertion/minima_sociaux/cs/`;
const CE = `${OF}prestations_sociales/solidarite_insertion/autre_solidarite/cheque_energie/baremes/`;
const UNSURE_2026 = '[À VÉRIFIER : valeur du 01/04/2026 non trouvée, reconduite]';

export const OTHER_PARAMETERS: BenefitParameter[] = [
	// ── AAH ──────────────────────────────────────────────────────────────────
	...series('aah.amount', 'eur', 'Montant maximal de l’AAH', [
		['2023-04-01', '971.37', `Décret n° 2023-328 du 29 avril 2023 ; ${INV}aah/montant.yaml`],
		['2024-04-01', '1016.05', `Décret n° 2024-397 du 29 avril 2024 ; ${INV}aah/montant.yaml`],
		['2025-04-01', '1033.32', `Décret n° 2025-297 du 29 mars 2025, art. 1 ; ${INV}aah/montant.yaml`],
		['2026-04-01', '1041.59', `Décret n° 2026-229 du 30 mars 2026, art. 1 ; ${INV}aah/montant.yaml [1383d4e]`]
	]),
	...constant(
		'aah.ceiling_per_child_rate',
		'rate',
		'AAH : majoration du plafond par enfant',
		'2000-01-01',
		'0.5',
		`CSS, art. D821-2 ; ${INV}aah/majoration_plafond/majoration_par_enfant_supplementaire.yaml`
	),
	...table(
		'rate',
		[
			['aah.earnings_abatement_low', 'AAH : abattement sur les revenus d’activité jusqu’au seuil'],
			['aah.earnings_abatement_high', 'AAH : abattement sur les revenus d’activité au-delà du seuil'],
			['aah.earnings_abatement_smic_share', 'AAH : seuil d’abattement (part du SMIC brut annuel)']
		],
		[
			[
				'2011-01-01',
				`Décret n° 2010-1403 du 12/11/2010 (CSS, art. D821-9) ; ${INV}aah/travail_ordinaire/*.yaml`,
				['0.8', '0.4', '0.3']
			]
		]
	),
	...constant(
		'aah.min_age',
		'count',
		'AAH : âge minimum',
		'1986-01-01',
		'20',
		`Décret n° 85-1353 du 17/12/1985 (CSS, art. R821-1) ; ${INV}aah/age_minimal.yaml`
	),
	...table(
		'count',
		[
			['aah.rate_full', 'AAH : taux d’incapacité ouvrant droit sans condition (%)'],
			['aah.rate_partial', 'AAH : taux d’incapacité minimum avec RSDAE (%)']
		],
		[['2010-11-17', `CSS, art. D821-1 ; ${INV}aah/taux_capacite/*.yaml`, ['80', '50']]]
	),
	// Legal retirement age by generation (months), where the AAH at 50–79 % ends (CSS, art. L821-1 and L161-17-2).
	...table(
		'count',
		[
			['retirement.legal_age_months.until_1961_08', 'Âge légal de la retraite (mois), nés avant le 01/09/1961'],
			['retirement.legal_age_months.1961_09_12', 'Âge légal de la retraite (mois), nés de septembre à décembre 1961'],
			['retirement.legal_age_months.1962', 'Âge légal de la retraite (mois), nés en 1962'],
			['retirement.legal_age_months.1963', 'Âge légal de la retraite (mois), nés en 1963'],
			['retirement.legal_age_months.1964', 'Âge légal de la retraite (mois), nés en 1964'],
			['retirement.legal_age_months.1965_01_03', 'Âge légal de la retraite (mois), nés de janvier à mars 1965'],
			['retirement.legal_age_months.1965_04_12', 'Âge légal de la retraite (mois), nés d’avril à décembre 1965'],
			['retirement.legal_age_months.1966', 'Âge légal de la retraite (mois), nés en 1966'],
			['retirement.legal_age_months.1967', 'Âge légal de la retraite (mois), nés en 1967'],
			['retirement.legal_age_months.1968', 'Âge légal de la retraite (mois), nés en 1968'],
			['retirement.legal_age_months.from_1969', 'Âge légal de la retraite (mois), nés à partir de 1969']
		],
		[
			[
				'2023-09-01',
				`Loi n° 2023-270 du 14/04/2023, art. 10 (CSS, art. L161-17-2 : 62 ans, puis 3 mois de plus par génération née à partir du 01/09/1961, 64 ans dès 1968) ; OpenFisca ${INV}aah/age_legal_retraite.yaml ne donne que l’âge cible`,
				['744', '747', '750', '753', '756', '759', '759', '762', '765', '768', '768']
			],
			[
				'2026-09-01',
				`Loi de financement de la sécurité sociale pour 2026 : suspension du relèvement (pensions prenant effet à partir du 01/09/2026, 62 ans et 9 mois pour 1964 et janvier–mars 1965) ; table de preparetraite.fr « suspension de la réforme des retraites » [À VÉRIFIER : numéro et article de la LFSS 2026 sur Légifrance]`,
				['744', '747', '750', '753', '753', '753', '756', '759', '762', '765', '768']
			]
		]
	),
	...constant(
		'aah.partner_income_ignored_from',
		'count',
		'AAH : revenus du conjoint non pris en compte (déconjugalisation, année)',
		'2023-10-01',
		'2023',
		`Loi n° 2022-1158 du 16/08/2022, art. 10 (déconjugalisation au 01/10/2023) ; ${INV}aah/ [1383d4e]`
	),

	// ── ASPA, ASI ────────────────────────────────────────────────────────────
	...table(
		'eur_year',
		[
			['aspa.ceiling_single_annual', 'ASPA : montant maximal et plafond, personne seule'],
			['aspa.ceiling_couple_annual', 'ASPA : montant maximal et plafond, couple']
		],
		[
			[
				'2024-01-01',
				`Circulaire Cnav 2023-34 du 29/12/2023 ; ${ASPA}{montant_maximum_annuel,plafond_ressources}/*`,
				['12144.27', '18854.02']
			],
			[
				'2025-01-01',
				`Circulaire Cnav 2024-39 du 23/12/2024 ; ${ASPA}{montant_maximum_annuel,plafond_ressources}/*`,
				['12411.44', '19268.80']
			],
			[
				'2026-01-01',
				`Circulaire Cnav 2025-29 du 22/12/2025 ; ${ASPA}{montant_maximum_annuel,plafond_ressources}/* [0f30f19]`,
				['12523.14', '19442.21']
			]
		]
	),
	...table(
		'rate',
		[
			[
				'aspa.earnings_abatement_single',
				'ASPA : abattement sur les revenus professionnels du trimestre, personne seule (part du SMIC mensuel au 1er janvier)'
			],
			[
				'aspa.earnings_abatement_couple',
				'ASPA : abattement sur les revenus professionnels du trimestre du foyer, couple (part du SMIC mensuel au 1er janvier)'
			]
		],
		[
			[
				'2015-01-01',
				`Décret n° 2014-1568 du 22/12/2014 (CSS, art. R815-29 : 0,9 fois la rémunération mensuelle minimale en vigueur au 1er janvier, 1,5 fois pour un couple, sur les revenus professionnels des trois mois) ; circulaire Cnav 2015-23 du 16/04/2015 ; ${ASPA}abattement_forfaitaire/*.yaml`,
				['0.9', '1.5']
			]
		]
	),
	...constant(
		'aspa.min_age',
		'count',
		'ASPA : âge minimum',
		'2002-01-01',
		'65',
		`CSS, art. L815-1 et R815-1 ; ${ASPA}age_min.yaml`
	),
	...series('aspa.estate_recovery_threshold', 'eur', 'ASPA : seuil de récupération sur succession', [
		['2024-01-01', '105300', 'Circulaire Cnav 2023-34'],
		[
			'2025-01-01',
			'107616.60',
			'Revalorisation de +2,2 % au 01/01/2025 (service-public.fr : 107 616 €) [À VÉRIFIER : valeur 2026 non trouvée]'
		]
	]),
	...table(
		'eur_year',
		[
			['asi.ceiling_single_annual', 'ASI : plafond de ressources, personne seule'],
			['asi.ceiling_couple_annual', 'ASI : plafond de ressources, couple']
		],
		[
			[
				'2023-04-01',
				`Circulaire Cnav 2023-9 du 11/04/2023 (CSS, art. D815-19) ; ${INV}asi/plafond_ressource_*.yaml`,
				['10320.07', '18060.13']
			],
			[
				'2024-04-01',
				`Circulaire Cnav 2024-13 du 04/04/2024 ; ${INV}asi/plafond_ressource_*.yaml`,
				['10794.79', '18890.89']
			],
			[
				'2025-04-01',
				`Circulaire Cnav 2025-13 du 03/04/2025 ; ${INV}asi/plafond_ressource_*.yaml ${UNSURE_2026}`,
				['10978.30', '19212.03']
			]
		]
	),
	...constant(
		'asi.max_age',
		'count',
		'ASI : âge de la retraite (au-delà, ASPA)',
		'2017-01-01',
		'62',
		'Code de la sécurité sociale, art. R815-1 et L351-1-5 (62 ans pour les invalides, inchangé par la réforme de 2023) ; âge légal de 62 ans atteint en 2017 (loi n° 2010-1330)'
	),

	// ── CSS ──────────────────────────────────────────────────────────────────
	...table(
		'eur_year',
		[
			['css.free_ceiling.p1', 'CSS gratuite : plafond annuel, 1 personne'],
			['css.free_ceiling.p2', 'CSS gratuite : plafond annuel, 2 personnes'],
			['css.free_ceiling.p3', 'CSS gratuite : plafond annuel, 3 personnes'],
			['css.free_ceiling.p4', 'CSS gratuite : plafond annuel, 4 personnes'],
			['css.free_ceiling.extra', 'CSS gratuite : par personne supplémentaire'],
			['css.part_ceiling.p1', 'CSS avec participation : plafond annuel, 1 personne'],
			['css.part_ceiling.p2', 'CSS avec participation : plafond annuel, 2 personnes'],
			['css.part_ceiling.p3', 'CSS avec participation : plafond annuel, 3 personnes'],
			['css.part_ceiling.p4', 'CSS avec participation : plafond annuel, 4 personnes'],
			['css.part_ceiling.extra', 'CSS avec participation : par personne supplémentaire']
		],
		[
			[
				'2023-04-01',
				`Décret n° 2023-236 du 31/03/2023 et arrêté du 30/03/2023 (plafond de base 9 719 €, CSS, art. L861-1 et R861-3) ; tableau Lefebvre Dalloz ; ${CSS}cmu/plafond_base.yaml`,
				['9719', '14578', '17494', '20409', '3887', '13120', '19680', '23616', '27553', '5248']
			],
			[
				'2024-04-01',
				`Arrêté du 26/03/2024, art. 1 (plafond de base 10 166 €) ; tableau quechoisir.org (plafonds applicables jusqu’au 31/03/2025) ; ${CSS}cmu/plafond_base.yaml`,
				['10166', '15249', '18298', '21348', '4066', '13724', '20586', '24703', '28820', '5490']
			],
			[
				'2025-04-01',
				`efl.fr « Complémentaire santé solidaire : conditions de ressources » ; econostrum.info (valeurs du 01/04/2025, arrêté publié au JO du 29/03/2025) ${UNSURE_2026}`,
				['10339', '15508', '18609', '21711', '4135', '13957', '20936', '25123', '29311', '5583']
			]
		]
	),
	...table(
		'eur',
		[
			['css.participation.under_30', 'CSS : participation mensuelle, 29 ans ou moins'],
			['css.participation.30_49', 'CSS : participation mensuelle, 30–49 ans'],
			['css.participation.50_59', 'CSS : participation mensuelle, 50–59 ans'],
			['css.participation.60_69', 'CSS : participation mensuelle, 60–69 ans'],
			['css.participation.70_plus', 'CSS : participation mensuelle, 70 ans et plus']
		],
		[
			[
				'2019-11-01',
				`Participation forfaitaire par âge fixée par arrêté depuis le 01/11/2019 ; ${CSS}css/montant/france/*.yaml [40437cc] [À VÉRIFIER : référence de l’arrêté]`,
				['8', '14', '21', '25', '30']
			]
		]
	),
	...table(
		'count',
		[
			['css.participation.age_30', 'CSS : début de la tranche 30–49 ans'],
			['css.participation.age_50', 'CSS : début de la tranche 50–59 ans'],
			['css.participation.age_60', 'CSS : début de la tranche 60–69 ans'],
			['css.participation.age_70', 'CSS : début de la tranche 70 ans et plus']
		],
		[
			[
				'2019-11-01',
				`Tranches d’âge de la participation (depuis le 01/11/2019) ; ${CSS}css/montant/france/*.yaml [40437cc]`,
				['30', '50', '60', '70']
			]
		]
	),
	...table(
		'rate',
		[
			['css.fl_with_al.rate_1p', 'CSS : forfait logement avec aide au logement, 1 personne'],
			['css.fl_with_al.rate_2p', 'CSS : forfait logement avec aide au logement, 2 personnes'],
			['css.fl_with_al.rate_3p', 'CSS : forfait logement avec aide au logement, 3 personnes ou plus'],
			['css.fl_without_al.rate_1p', 'CSS : forfait logement (propriétaire, hébergé), 1 personne'],
			['css.fl_without_al.rate_2p', 'CSS : forfait logement (propriétaire, hébergé), 2 personnes'],
			['css.fl_without_al.rate_3p', 'CSS : forfait logement (propriétaire, hébergé), 3 personnes ou plus']
		],
		[
			[
				'2019-11-01',
				`Loi n° 2018-1203 du 22/12/2018 (CSS, art. R861-5) ; ${CSS}css/forfait_logement_{avec,sans}_al/* [4863566]`,
				['0.12', '0.16', '0.165', '0.12', '0.14', '0.14']
			]
		]
	),
	...table(
		'eur',
		[
			['css.aah_deduction', 'CSS : abattement mensuel sur l’AAH'],
			['css.aspa_deduction_single', 'CSS : abattement mensuel sur l’ASPA, personne seule'],
			['css.aspa_deduction_couple', 'CSS : abattement mensuel sur l’ASPA, couple']
		],
		[
			[
				'2021-04-01',
				`Instruction interministérielle DSS/SD2A/2021/71 (BO Santé 2021/6 du 16/04/2021) ; ${CSS}css/abattements/* [À VÉRIFIER : non revus depuis]`,
				['68', '71', '110']
			]
		]
	),

	// ── Chèque énergie ───────────────────────────────────────────────────────
	...table(
		'eur_year',
		[
			['cheque_energie.bracket1', 'Chèque énergie : 1re tranche de RFR par UC'],
			['cheque_energie.bracket2', 'Chèque énergie : 2e tranche de RFR par UC'],
			['cheque_energie.bracket3', 'Chèque énergie : 3e tranche de RFR par UC']
		],
		[
			[
				'2019-01-01',
				`Arrêté du 26/12/2018 modifiant le plafond et la valeur faciale du chèque énergie ; ${CE}*.yaml [fdb7e3e, 1b22e97]`,
				['5600', '6700', '7700']
			]
		]
	),
	...constant(
		'cheque_energie.bracket4',
		'eur_year',
		'Chèque énergie : plafond de RFR par UC',
		'2021-01-01',
		'10800',
		`Plafond porté de 10 700 à 10 800 € au 01/01/2021 ; ${CE}*.yaml [fdb7e3e, 1b22e97] [À VÉRIFIER : référence du texte]`
	),
	...table(
		'eur_year',
		[
			['cheque_energie.uc1.b1', 'Chèque énergie, 1 UC, 1re tranche'],
			['cheque_energie.uc1.b2', 'Chèque énergie, 1 UC, 2e tranche'],
			['cheque_energie.uc1.b3', 'Chèque énergie, 1 UC, 3e tranche'],
			['cheque_energie.uc1.b4', 'Chèque énergie, 1 UC, 4e tranche'],
			['cheque_energie.uc1to2.b1', 'Chèque énergie, entre 1 et 2 UC, 1re tranche'],
			['cheque_energie.uc1to2.b2', 'Chèque énergie, entre 1 et 2 UC, 2e tranche'],
			['cheque_energie.uc1to2.b3', 'Chèque énergie, entre 1 et 2 UC, 3e tranche'],
			['cheque_energie.uc1to2.b4', 'Chèque énergie, entre 1 et 2 UC, 4e tranche'],
			['cheque_energie.uc2.b1', 'Chèque énergie, 2 UC ou plus, 1re tranche'],
			['cheque_energie.uc2.b2', 'Chèque énergie, 2 UC ou plus, 2e tranche'],
			['cheque_energie.uc2.b3', 'Chèque énergie, 2 UC ou plus, 3e tranche'],
			['cheque_energie.uc2.b4', 'Chèque énergie, 2 UC ou plus, 4e tranche']
		],
		[
			[
				'2019-01-01',
				`Arrêté du 26/12/2018 ; ${CE}*.yaml [fdb7e3e, 1b22e97] (barème inchangé pour les campagnes 2024 et 2025 ; [À VÉRIFIER : campagne 2026])`,
				['194', '146', '98', '48', '240', '176', '113', '63', '277', '202', '126', '76']
			]
		]
	),
	...table(
		'rate',
		[
			['cheque_energie.uc.second_person', 'Chèque énergie : UC de la 2e personne'],
			['cheque_energie.uc.further_person', 'Chèque énergie : UC par personne supplémentaire']
		],
		[
			[
				'2019-01-01',
				`Arrêté du 26/12/2018 ; ${OF}prestations_sociales/solidarite_insertion/autre_solidarite/cheque_energie/unites_consommation/*`,
				['0.5', '0.3']
			]
		]
	)
];
