/**
 * The household archetypes of the synthetic panel (synthetic-panel.ts): what each plants, in the
 * wording French banks print. Data more than code: each archetype returns its series, irregular incomes,
 * shops and incidents for one seeded household.
 */
import type { Cents } from '$lib/money';
import type { Cadence } from './types';
import { civilFromDays, monthDay } from './calendar';
import type { LabelContext, LABEL_PARTS } from './synthetic-panel';

export interface PanelSeriesSpec {
	name: string;
	label: (c: LabelContext) => string;
	/** the payee the file or the categoriser gives, null when only the label is known */
	payee?: (c: LabelContext) => string | null;
	category: string;
	cadence: Cadence;
	/** month-based: day of month; weekly/biweekly: days after the start */
	day: number;
	shift: 'before' | 'after';
	amount: (k: number, rng: () => number) => Cents;
	startDn?: number;
	endDn?: number;
	/** occurrence indexes left out (a suspended or missed month) */
	skip?: number[];
}

export interface IrregularSpec {
	label: (c: LabelContext) => string;
	payee: string | null;
	category: string;
	/** cents, typical amount of one payment */
	amount: Cents;
	/** relative variation of one payment (0.4 = ±40 %) */
	jitter: number;
	/** chance of each possible payment of a month */
	probability: number;
	perMonth: number;
	day: number;
	daySpread: number;
}

export interface ShopSpec {
	label: string;
	payee: string | null;
	category: string;
	/** cents, typical purchase */
	amount: Cents;
	perDay: number;
	prefix?: string;
	/** false: paid in cash or by transfer even with a deferred card */
	card?: boolean;
}

export interface PanelSpec {
	openingBalance: Cents;
	series: PanelSeriesSpec[];
	irregular: IrregularSpec[];
	shops: ShopSpec[];
	/** last digits of a deferred debit card, settled once a month */
	deferredCard?: string;
	/** fees when the balance goes below minus this (cents); undefined = none */
	incidents?: Cents;
	oneOffPerDay: number;
	/** scale of the one-off purchases (set with the spending level) */
	oneOffScale?: number;
	transfersPerDay: number;
}

interface BuildContext {
	rng: () => number;
	fromDn: number;
	toDn: number;
	parts: typeof LABEL_PARTS;
}

export interface Archetype {
	name: string;
	build(ctx: BuildContext): PanelSpec;
}

const vary = (base: number, pct: number) => (_k: number, r: () => number) =>
	Math.round(base * (1 + (r() * 2 - 1) * pct));
const fixed = (base: number) => () => base;
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const between = (r: () => number, lo: number, hi: number) => Math.round(lo + r() * (hi - lo));
const monthsBefore = (dn: number, n: number) => {
	const { y, m } = civilFromDays(dn);
	return monthDay(y, m, -n, 1);
};
const monthsAfter = (dn: number, n: number) => {
	const { y, m } = civilFromDays(dn);
	return monthDay(y, m, n, 1);
};

const GROCERY_SHOPS = [
	'CARREFOUR MARKET',
	'LIDL',
	'E.LECLERC',
	'INTERMARCHE SUPER',
	'AUCHAN',
	'ALDI',
	'FRANPRIX',
	'SUPER U'
];
const CITIES = ['PARIS', 'LYON 3', 'BORDEAUX', 'LILLE', 'NANTES', 'TOULOUSE', 'ROUBAIX'];

function shops(r: () => number, level: number): ShopSpec[] {
	const city = pick(r, CITIES);
	const g1 = pick(r, GROCERY_SHOPS);
	const g2 = pick(r, GROCERY_SHOPS);
	return [
		{ label: `${g1} ${city}`, payee: g1, category: 'daily.groceries', amount: 4500 * level, perDay: 0.25 },
		{ label: `${g2} ${city}`, payee: g2, category: 'daily.groceries', amount: 3000 * level, perDay: 0.15 },
		{
			label: `BOULANGERIE ${pick(r, ['DU CENTRE', 'PAUL', 'DE LA GARE'])}`,
			payee: null,
			category: 'daily.groceries',
			amount: 500,
			perDay: 0.35
		},
		{ label: `PHARMACIE ${city}`, payee: null, category: 'daily.health', amount: 1500, perDay: 0.04 },
		{
			label: `TOTAL ACCESS ${city}`,
			payee: 'TOTALENERGIES',
			category: 'daily.transport',
			amount: 4000 * level,
			perDay: 0.06
		},
		{ label: `AMAZON PAYMENTS`, payee: 'AMAZON', category: 'daily.household', amount: 2500, perDay: 0.05 },
		{
			label: `DAB ${city}`,
			prefix: 'RETRAIT',
			payee: null,
			category: 'daily.cash',
			amount: 4000,
			perDay: 0.05,
			card: false
		}
	];
}

const base = (r: () => number, level: number, opening: Cents): Omit<PanelSpec, 'series'> => ({
	openingBalance: opening,
	irregular: [],
	shops: shops(r, level),
	oneOffPerDay: 0.01,
	transfersPerDay: 0.02
});

function rent(r: () => number, who: string, amount: Cents): PanelSeriesSpec {
	return {
		name: `loyer ${who}`,
		label: (c) => `PRLV SEPA ${who} LOYER ${String(c.m).padStart(2, '0')}${c.y}`,
		payee: () => who,
		category: 'housing.rent',
		cadence: 'monthly',
		day: between(r, 1, 6),
		shift: 'after',
		amount: fixed(-amount)
	};
}

function utility(name: string, label: string, category: string, day: number, amount: Cents): PanelSeriesSpec {
	return { name, label: () => label, category, cadence: 'monthly', day, shift: 'after', amount: fixed(-amount) };
}

function annual(
	name: string,
	label: string,
	category: string,
	fromDn: number,
	r: () => number,
	amount: Cents,
	pct: number
) {
	const { y, m } = civilFromDays(fromDn);
	const spec: PanelSeriesSpec = {
		name,
		label: () => label,
		category,
		cadence: 'annual',
		day: between(r, 5, 20),
		shift: 'after',
		amount: vary(-amount, pct),
		startDn: monthDay(y, m, between(r, 0, 5), 1)
	};
	return spec;
}

export const ARCHETYPES: readonly Archetype[] = [
	{
		name: 'salarié stable',
		build: ({ rng, fromDn, parts }) => ({
			...base(rng, 1, 80000),
			series: [
				{
					name: 'salaire',
					label: (c) => `VIREMENT DE SAS BATIPRO SALAIRE ${parts.monthFr(c)}`,
					payee: (c) => `SAS BATIPRO SALAIRE ${parts.monthFr(c)}`,
					category: 'income.salary',
					cadence: 'monthly',
					day: 28,
					shift: 'before',
					amount: vary(between(rng, 160000, 240000), 0.02)
				},
				rent(rng, 'FONCIA', between(rng, 55000, 85000)),
				utility('edf', 'PRLV SEPA EDF CLIENTS PARTICULIERS', 'housing.energy', 12, between(rng, 6000, 12000)),
				utility('free', 'PRLV SEPA FREE MOBILE', 'fixed.telecom', 20, 1999),
				utility('netflix', 'CB NETFLIX.COM', 'fixed.subscriptions', 14, 1349),
				annual(
					'assurance',
					'PRLV SEPA MACIF ASSURANCE HABITATION',
					'housing.insurance',
					fromDn,
					rng,
					between(rng, 18000, 30000),
					0.08
				)
			]
		})
	},
	{
		name: 'intérimaire',
		build: ({ rng, parts }) => {
			const prime = between(rng, 12000, 25000);
			return {
				...base(rng, 0.8, 15000),
				incidents: 0,
				irregular: [
					{
						label: (c) => `VIR SEPA RECU /DE ADECCO FRANCE /MOTIF PAIE ${parts.period(c)}`,
						payee: 'ADECCO FRANCE',
						category: 'income.salary',
						amount: between(rng, 60000, 110000),
						jitter: 0.45,
						probability: 0.75,
						perMonth: 1,
						day: 12,
						daySpread: 4
					},
					{
						label: (c) => `VIR SEPA RECU /DE RANDSTAD /MOTIF ACOMPTE ${parts.ref(c)}`,
						payee: 'RANDSTAD',
						category: 'income.salary',
						amount: between(rng, 20000, 50000),
						jitter: 0.5,
						probability: 0.4,
						perMonth: 2,
						day: 15,
						daySpread: 10
					}
				],
				series: [
					{
						name: 'prime activité',
						label: (c) => `VIR CAF PRIME ACTIVITE ${parts.monthFrShort(c)}`,
						category: 'income.minimum_income',
						cadence: 'monthly',
						day: 5,
						shift: 'before',
						// recalculated every quarter from the declared income
						amount: (k) => prime + (Math.floor(k / 3) % 3) * 900
					},
					rent(rng, 'IMMOBILIERE 3F', between(rng, 45000, 65000)),
					utility('sfr', 'PRLV SEPA SFR', 'fixed.telecom', 16, 2999),
					utility('engie', 'PRLV SEPA ENGIE', 'housing.energy', 9, between(rng, 5000, 9000))
				]
			};
		}
	},
	{
		name: 'allocataire CAF',
		build: ({ rng, parts }) => {
			const suspended = between(rng, 3, 9);
			return {
				...base(rng, 0.7, 20000),
				series: [
					{
						name: 'rsa',
						label: (c) => `VIR CAF DE LA GIRONDE RSA ${parts.monthFr(c)}`,
						payee: () => 'CAF DE LA GIRONDE',
						category: 'income.minimum_income',
						cadence: 'monthly',
						day: 5,
						shift: 'before',
						amount: fixed(between(rng, 55000, 75000)),
						skip: [suspended]
					},
					{
						name: 'apl',
						label: (c) => `VIR CAF DE LA GIRONDE APL ${parts.monthFr(c)}`,
						payee: () => 'CAF DE LA GIRONDE',
						category: 'income.housing_benefit',
						cadence: 'monthly',
						day: 5,
						shift: 'before',
						amount: fixed(between(rng, 20000, 32000))
					},
					rent(rng, 'SCI LES TILLEULS', between(rng, 48000, 62000)),
					utility('edf', 'PRLV SEPA EDF', 'housing.energy', 12, between(rng, 5000, 9000)),
					utility('sosh', 'PRLV SEPA SOSH', 'fixed.telecom', 18, 1599)
				]
			};
		}
	},
	{
		name: 'carte à débit différé',
		build: ({ rng, fromDn, parts }) => ({
			...base(rng, 1.2, 150000),
			deferredCard: String(between(rng, 1000, 9999)),
			series: [
				{
					name: 'salaire',
					label: (c) => `SALARY ${parts.monthEn(c)} TECHCORP LTD`,
					payee: () => 'TECHCORP LTD',
					category: 'income.salary',
					cadence: 'monthly',
					day: 26,
					shift: 'before',
					amount: vary(between(rng, 250000, 330000), 0.01)
				},
				{
					name: 'crédit auto',
					label: (c) => `PRLV SEPA COFIDIS ${parts.echeance(c)}`,
					category: 'credit.consumer',
					cadence: 'monthly',
					day: 8,
					shift: 'after',
					amount: fixed(-between(rng, 15000, 30000))
				},
				rent(rng, 'NEXITY', between(rng, 80000, 110000)),
				utility('mutuelle', 'PRLV SEPA HARMONIE MUTUELLE', 'fixed.health_insurance', 5, 6500),
				annual('taxe', 'PRLV SEPA DGFIP TAXE HABITATION', 'fixed.taxes', fromDn, rng, between(rng, 40000, 80000), 0.1)
			]
		})
	},
	{
		name: 'mois manqués',
		build: ({ rng, fromDn, toDn, parts }) => ({
			...base(rng, 0.9, 30000),
			series: [
				{
					name: 'salaire',
					label: (c) => `VIR SEPA RECU /DE CLINIQUE DU PARC /MOTIF SALAIRE ${parts.monthFr(c)}`,
					category: 'income.salary',
					cadence: 'monthly',
					day: 30,
					shift: 'before',
					amount: vary(between(rng, 140000, 180000), 0.03)
				},
				{ ...utility('box', 'PRLV SEPA BOUYGUES TELECOM', 'fixed.telecom', 15, 3499), skip: [3, 9] },
				{
					name: 'prêt terminé',
					label: (c) => `PRLV SEPA SOFINCO ${parts.counter(c, 10)} ${parts.ref(c)}`,
					category: 'credit.consumer',
					cadence: 'monthly',
					day: 10,
					shift: 'after',
					amount: fixed(-12300),
					endDn: monthDay(civilFromDays(fromDn).y, civilFromDays(fromDn).m, 9, 28)
				},
				{
					...utility('salle de sport', 'PRLV SEPA BASIC FIT', 'fixed.subscriptions', 4, 2999),
					endDn: monthsBefore(toDn, 5)
				},
				{
					...utility('nouvel abonnement', 'PRLV SEPA DEEZER', 'fixed.subscriptions', 22, 1199),
					startDn: monthsBefore(toDn, 4)
				},
				rent(rng, 'CITYA', between(rng, 55000, 70000))
			]
		})
	},
	{
		name: 'retraités',
		build: ({ rng, fromDn }) => ({
			...base(rng, 1, 250000),
			series: [
				{
					...utility('carsat', 'VIR CARSAT RETRAITE', 'income.pension', 9, 0),
					shift: 'before',
					amount: fixed(between(rng, 90000, 140000))
				},
				{
					...utility('agirc', 'VIR AGIRC ARRCO RETRAITE COMPLEMENTAIRE', 'income.pension', 1, 0),
					shift: 'before',
					amount: fixed(between(rng, 15000, 40000))
				},
				utility('mutuelle', 'PRLV SEPA MUTUELLE GENERALE', 'fixed.health_insurance', 6, 11870),
				{
					...utility('eau', 'PRLV SEPA VEOLIA EAU', 'housing.water', 20, 0),
					cadence: 'quarterly',
					amount: vary(-9000, 0.04)
				},
				annual('impôt', 'PRLV SEPA DGFIP IMPOT SOLDE IR', 'fixed.taxes', fromDn, rng, between(rng, 30000, 60000), 0.1),
				annual(
					'taxe foncière',
					'PRLV SEPA DGFIP TAXE FONCIERE',
					'fixed.taxes',
					fromDn,
					rng,
					between(rng, 60000, 120000),
					0.05
				),
				utility('orange', 'PRLV SEPA ORANGE', 'fixed.telecom', 20, 4499)
			]
		})
	},
	{
		name: 'indépendant',
		build: ({ rng, parts }) => ({
			...base(rng, 0.9, 40000),
			incidents: 0,
			irregular: [
				{
					label: (c) =>
						`VIR SEPA RECU /DE ${pick(rng, ['SARL MARTIN', 'ATELIER DUVAL', 'SAS NOVA'])} /MOTIF FACTURE ${parts.ref(c)}`,
					payee: null,
					category: 'uncategorised',
					amount: between(rng, 50000, 90000),
					jitter: 0.6,
					probability: 0.55,
					perMonth: 3,
					day: 15,
					daySpread: 14
				}
			],
			series: [
				{
					...utility('urssaf', 'PRLV SEPA URSSAF COTISATIONS', 'fixed.taxes', 5, 0),
					cadence: 'quarterly',
					amount: vary(-between(rng, 40000, 70000), 0.05)
				},
				rent(rng, 'FONCIA', between(rng, 55000, 75000)),
				utility('engie', 'PRLV SEPA ENGIE', 'housing.energy', 13, 9900),
				utility('orange pro', 'PRLV SEPA ORANGE PRO', 'fixed.telecom', 21, 3999)
			]
		})
	},
	{
		name: 'chômage puis RSA',
		build: ({ rng, toDn, parts }) => {
			const switchDn = monthsBefore(toDn, between(rng, 5, 7));
			const daily = between(rng, 3000, 4200);
			return {
				...base(rng, 0.8, 60000),
				series: [
					{
						name: 'are',
						label: (c) => `VIR FRANCE TRAVAIL ARE ${parts.period(c)}`,
						category: 'income.unemployment',
						cadence: 'monthly',
						day: 3,
						shift: 'after',
						// paid per day of the previous month
						amount: (k) => daily * (k % 12 === 2 ? 28 : k % 2 === 0 ? 31 : 30),
						endDn: switchDn
					},
					{
						name: 'rsa',
						label: (c) => `VIR CAF RSA ${parts.monthFr(c)}`,
						category: 'income.minimum_income',
						cadence: 'monthly',
						day: 5,
						shift: 'before',
						amount: fixed(between(rng, 55000, 65000)),
						startDn: monthsAfter(switchDn, 1)
					},
					rent(rng, 'NEXITY', between(rng, 45000, 60000)),
					utility('free', 'PRLV SEPA FREE', 'fixed.telecom', 19, 2999),
					utility('matmut', 'PRLV SEPA MATMUT AUTO', 'fixed.vehicle_insurance', 7, 4700)
				]
			};
		}
	},
	{
		name: 'découvert chronique',
		build: ({ rng, parts }) => ({
			...base(rng, 0.8, -20000),
			incidents: 0,
			transfersPerDay: 0.05,
			series: [
				{
					name: 'salaire',
					label: () => 'VIR RECU SARL LE BISTROT SALAIRE',
					category: 'income.salary',
					cadence: 'monthly',
					day: 30,
					shift: 'before',
					amount: vary(between(rng, 90000, 120000), 0.07)
				},
				{
					name: 'cetelem',
					label: (c) => `PRLV SEPA CETELEM ${parts.echeance(c)} ${parts.ref(c)}`,
					category: 'credit.consumer',
					cadence: 'monthly',
					day: 7,
					shift: 'after',
					amount: fixed(-8900)
				},
				{
					name: 'cofidis',
					label: (c) => `PRLV SEPA COFIDIS ECH ${parts.date(c)}`,
					category: 'credit.consumer',
					cadence: 'monthly',
					day: 10,
					shift: 'after',
					amount: fixed(-6200)
				},
				{
					name: 'floa',
					label: (c) => `PRLV SEPA FLOA BANK ${parts.counter(c, 60)}`,
					category: 'credit.consumer',
					cadence: 'monthly',
					day: 17,
					shift: 'after',
					amount: fixed(-5250)
				},
				rent(rng, 'STUDEFI', between(rng, 40000, 50000)),
				utility('bouygues', 'PRLV SEPA BOUYGUES TELECOM', 'fixed.telecom', 14, 2599)
			]
		})
	},
	{
		name: 'famille nombreuse',
		build: ({ rng, fromDn, parts }) => {
			const { y, m } = civilFromDays(fromDn);
			// the school canteen is not billed in July and August: occurrences falling then are skipped
			const summer: number[] = [];
			for (let k = 0; k < 40; k++) {
				const month = civilFromDays(monthDay(y, m, k, 10)).m;
				if (month === 7 || month === 8) summer.push(k);
			}
			return {
				...base(rng, 1.5, 40000),
				series: [
					{
						name: 'salaire',
						label: () => 'VIR RECU ONET PROPRETE SALAIRE',
						category: 'income.salary',
						cadence: 'monthly',
						day: 28,
						shift: 'before',
						amount: vary(between(rng, 140000, 170000), 0.02)
					},
					{
						name: 'af',
						label: (c) => `VIR CAF ALLOCATIONS FAMILIALES ${parts.monthFr(c)}`,
						payee: () => 'CAF',
						category: 'income.family_benefits',
						cadence: 'monthly',
						day: 5,
						shift: 'before',
						amount: fixed(between(rng, 45000, 60000))
					},
					{
						name: 'cf',
						label: (c) => `VIR CAF COMPLEMENT FAMILIAL ${parts.monthFr(c)}`,
						payee: () => 'CAF',
						category: 'income.family_benefits',
						cadence: 'monthly',
						day: 5,
						shift: 'before',
						amount: fixed(19848)
					},
					{
						name: 'cantine',
						label: (c) => `PRLV SEPA CANTINE MAIRIE ${parts.ref(c)}`,
						category: 'fixed.childcare_school',
						cadence: 'monthly',
						day: 10,
						shift: 'after',
						amount: fixed(-12000),
						skip: summer
					},
					{
						name: 'assistante maternelle',
						label: () => 'VIR PERMANENT ASSMAT MME PETIT',
						category: 'fixed.childcare_school',
						cadence: 'biweekly',
						day: 3,
						shift: 'after',
						amount: fixed(-21000)
					},
					{
						name: 'argent de poche',
						label: () => 'VIR PERMANENT ARGENT DE POCHE LEA',
						category: 'transfer.other',
						cadence: 'weekly',
						day: 2,
						shift: 'after',
						amount: fixed(-1500)
					},
					rent(rng, 'PARIS HABITAT', between(rng, 55000, 70000)),
					utility('edf', 'PRELEVEMENT EUROPEEN EDF', 'housing.energy', 12, 13900)
				]
			};
		}
	},
	{
		name: 'étudiant',
		build: ({ rng, parts }) => ({
			...base(rng, 0.5, 10000),
			irregular: [
				{
					label: (c) => `VIR SEPA RECU DE FRANPRIX SALAIRE ${parts.monthFrShort(c)}`,
					payee: null,
					category: 'income.salary',
					amount: between(rng, 40000, 60000),
					jitter: 0.3,
					probability: 0.9,
					perMonth: 1,
					day: 30,
					daySpread: 2
				}
			],
			series: [
				{
					name: 'apl',
					label: (c) => `VIR CAF APL ${parts.monthFr(c)}`,
					category: 'income.housing_benefit',
					cadence: 'monthly',
					day: 5,
					shift: 'before',
					amount: fixed(22300)
				},
				{
					name: 'parents',
					label: () => 'VIR DE M OU MME DUPONT ARGENT DU MOIS',
					category: 'transfer.other',
					cadence: 'monthly',
					day: 1,
					shift: 'after',
					amount: fixed(20000)
				},
				rent(rng, 'CROUS', 39000),
				utility('spotify', 'PAYPAL *SPOTIFY', 'fixed.subscriptions', 23, 599),
				utility('free', 'PRLV SEPA FREE MOBILE', 'fixed.telecom', 18, 999)
			]
		})
	},
	{
		name: 'pension alimentaire',
		build: ({ rng, fromDn, parts }) => {
			const missed = [between(rng, 2, 6), between(rng, 8, 12)];
			return {
				...base(rng, 0.9, 25000),
				irregular: [
					{
						label: (c) => `VIR CPAM IJ ${parts.date(c)}`,
						payee: 'CPAM',
						category: 'income.daily_allowance',
						amount: between(rng, 15000, 30000),
						jitter: 0.3,
						probability: 0.15,
						perMonth: 2,
						day: 15,
						daySpread: 12
					}
				],
				series: [
					{
						name: 'salaire',
						label: (c) => `VIR SEPA RECU CHU DE BORDEAUX SALAIRE ${parts.monthFr(c)}`,
						category: 'income.salary',
						cadence: 'monthly',
						day: 27,
						shift: 'before',
						amount: vary(between(rng, 130000, 160000), 0.03)
					},
					{
						name: 'pension alimentaire',
						label: () => 'VIR DE M LAURENT PENSION ALIMENTAIRE',
						category: 'income.alimony',
						cadence: 'monthly',
						day: 10,
						shift: 'after',
						amount: fixed(between(rng, 15000, 25000)),
						skip: missed
					},
					rent(rng, 'AQUITANIS', between(rng, 45000, 55000)),
					utility('crèche', 'PRLV SEPA CRECHE LES PETITS PAS', 'fixed.childcare_school', 10, 18000),
					annual(
						'assurance auto',
						'PRLV SEPA MAAF ASSURANCES AUTO ANNUELLE',
						'fixed.vehicle_insurance',
						fromDn,
						rng,
						between(rng, 35000, 55000),
						0.06
					)
				]
			};
		}
	}
];
