/**
 * Realistic bank statements for the demo households: about 14 months of salaries and benefits, rent,
 * energy, telecoms, credits, groceries and incidents, written as the file each household's bank exports
 * (its CSV layout, or OFX 1.0.2 SGML) and imported through the real import service.
 */
import type { Cents } from '$lib/money';
import { addDaysIso, dateToIso, isoToDate } from '$lib/dates';
import { addMonths, getDay } from 'date-fns';
import { seededRandom } from '$lib/server/random';
import { renderBankFile, type StatementFile, type StatementPeriod } from './demo-bank-files';

interface Monthly {
	label: string;
	/** cents, negative for debits */
	amount: Cents;
	day: number;
	/** relative variation in per-mille (e.g. 30 = ±3 %) */
	jitter?: number;
	/** months (0-11) when it applies; all when absent */
	months?: number[];
	/** stops after this many months from the start */
	untilMonth?: number;
}

interface Variable {
	labels: string[];
	/** typical amount in cents (positive) */
	amount: Cents;
	perMonth: number;
}

export interface DemoScenario {
	household: string;
	bank: string;
	accountId: string;
	openingBalance: Cents;
	monthly: Monthly[];
	variable: Variable[];
	/** incident fees after the balance goes below zero */
	incidents?: boolean;
}

const GROCERIES = [
	'CARTE {d} CARREFOUR MARKET',
	'CARTE {d} LIDL 1234',
	'CARTE {d} E.LECLERC',
	'CARTE {d} INTERMARCHE',
	'CARTE {d} ALDI MARCHE'
];
const SMALL = [
	'CARTE {d} BOULANGERIE DU MARCHE',
	'CARTE {d} PHARMACIE DE LA GARE',
	'CARTE {d} ACTION 0457',
	'RETRAIT DAB {d} CIC PARIS'
];
const FUEL = ['CARTE {d} TOTALENERGIES', 'CARTE {d} ESSO EXPRESS'];

export const DEMO_SCENARIOS: DemoScenario[] = [
	{
		household: 'Famille Martin',
		bank: 'La Banque Postale',
		accountId: '0123456A020',
		openingBalance: 21_000,
		monthly: [
			{ label: 'VIREMENT DE CAF DE LA GIRONDE RSA', amount: 73_412, day: 5, jitter: 5 },
			{ label: 'VIREMENT DE CAF DE LA GIRONDE AF', amount: 15_191, day: 5 },
			{ label: 'VIREMENT DE CAF DE LA GIRONDE ALF', amount: 30_484, day: 5 },
			{ label: 'PRELEVEMENT DE SCI LES TILLEULS LOYER', amount: -62_000, day: 6 },
			{ label: 'PRELEVEMENT DE EDF CLIENTS PARTICULIERS', amount: -8_900, day: 12 },
			{ label: 'PRELEVEMENT DE FREE MOBILE', amount: -1_999, day: 18 },
			{ label: 'PRELEVEMENT DE MAAF ASSURANCES HABITATION', amount: -1_850, day: 10 },
			{ label: 'PRELEVEMENT DE COFIDIS ECHEANCE', amount: -9_500, day: 8 }
		],
		variable: [
			{ labels: GROCERIES, amount: 4_000, perMonth: 7 },
			{ labels: SMALL, amount: 1_000, perMonth: 5 }
		],
		incidents: true
	},
	{
		household: 'M. et Mme Bernard',
		bank: 'Crédit Agricole',
		accountId: '12345678901',
		openingBalance: 145_000,
		monthly: [
			{ label: 'VIR CARSAT RETRAITE', amount: 98_745, day: 9 },
			{ label: 'VIR CARSAT RETRAITE CONJOINT', amount: 71_230, day: 9 },
			{ label: 'VIR AGIRC ARRCO', amount: 21_410, day: 1 },
			{ label: 'PRLV SEPA ENGIE', amount: -14_200, day: 15 },
			{ label: 'PRLV SEPA ORANGE', amount: -4_499, day: 20 },
			{ label: 'PRLV SEPA HARMONIE MUTUELLE', amount: -21_980, day: 5 },
			{ label: 'PRLV SEPA DGFIP TAXE FONCIERE', amount: -11_200, day: 15, months: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] }
		],
		variable: [
			{ labels: GROCERIES, amount: 5_600, perMonth: 8 },
			{ labels: ['CARTE {d} PHARMACIE CENTRALE', 'CARTE {d} DR DUPONT MEDECIN'], amount: 3_500, perMonth: 4 },
			{ labels: FUEL, amount: 5_000, perMonth: 2 }
		]
	},
	{
		household: 'Lucas Petit',
		bank: 'Société Générale',
		accountId: '00050123456',
		openingBalance: -4_000,
		monthly: [
			{ label: 'VIR RECU SARL LE BISTROT SALAIRE', amount: 88_000, day: 28, jitter: 80 },
			{ label: 'VIR RECU CAF PRIME ACTIVITE', amount: 18_734, day: 5 },
			{ label: 'PRELEVEMENT EUROPEEN STUDEFI LOYER', amount: -48_000, day: 3 },
			{ label: 'PRELEVEMENT EUROPEEN BOUYGUES TELECOM', amount: -2_599, day: 14 },
			{ label: 'PRELEVEMENT EUROPEEN NETFLIX.COM', amount: -1_349, day: 21 },
			{ label: 'PRELEVEMENT EUROPEEN FLOA BANK 4X', amount: -5_250, day: 17, untilMonth: 6 }
		],
		variable: [
			{ labels: ['CARTE {d} UBER EATS', 'CARTE {d} MCDONALDS', 'CARTE {d} DELIVEROO'], amount: 1_800, perMonth: 12 },
			{ labels: GROCERIES, amount: 2_500, perMonth: 5 },
			{ labels: ['CARTE {d} FDJ', 'CARTE {d} WINAMAX'], amount: 2_000, perMonth: 6 }
		],
		incidents: true
	},
	{
		household: 'Famille Nguyen',
		bank: 'Crédit Mutuel',
		accountId: '00020123401',
		openingBalance: 52_000,
		monthly: [
			{ label: 'VIR SEPA RECU /DE LOGISTIQUE OUEST SAS /MOTIF SALAIRE', amount: 198_000, day: 27, jitter: 20 },
			{ label: 'VIR CAF ALLOCATIONS FAMILIALES', amount: 34_652, day: 5 },
			{ label: 'PRLV SEPA HABITAT 33 LOYER', amount: -58_900, day: 5 },
			{ label: 'PRLV SEPA TOTALENERGIES ELECTRICITE', amount: -12_400, day: 11 },
			{ label: 'PRLV SEPA SFR', amount: -5_499, day: 16 },
			{ label: 'PRLV SEPA CETELEM CREDIT AUTO', amount: -27_880, day: 10 },
			{ label: 'PRLV SEPA CANTINE SCOLAIRE MAIRIE', amount: -9_800, day: 12, months: [0, 1, 2, 3, 4, 5, 8, 9, 10, 11] }
		],
		variable: [
			{ labels: GROCERIES, amount: 7_500, perMonth: 10 },
			{ labels: FUEL, amount: 6_000, perMonth: 3 },
			{ labels: SMALL, amount: 1_500, perMonth: 5 }
		]
	},
	{
		household: 'Karim Benali',
		bank: 'Caisse d’Épargne',
		accountId: '04123456789',
		openingBalance: 30_000,
		monthly: [
			{ label: 'VIR CAF AAH', amount: 103_371, day: 5 },
			{ label: 'VIR CAF APL', amount: 19_850, day: 5 },
			{ label: 'PRLV FONCIA LOYER', amount: -71_000, day: 4 },
			{ label: 'PRLV EDF', amount: -6_500, day: 13 },
			{ label: 'PRLV RED BY SFR', amount: -1_500, day: 22 }
		],
		variable: [
			{ labels: GROCERIES, amount: 3_800, perMonth: 7 },
			{ labels: SMALL, amount: 1_000, perMonth: 4 }
		]
	},
	{
		household: 'M. et Mme Moreau',
		bank: 'BNP Paribas',
		accountId: '00012345678',
		openingBalance: 8_000,
		monthly: [
			{ label: 'VIR SEPA RECU DE TRANSPORTS DUVAL SALAIRE', amount: 165_000, day: 28, jitter: 10 },
			{ label: 'VIR SEPA RECU DE CLINIQUE DU PARC SALAIRE', amount: 115_000, day: 30, jitter: 10 },
			{ label: 'PRLV SEPA OPH MONTREUIL LOYER', amount: -71_500, day: 5 },
			{ label: 'PRLV SEPA COFIDIS', amount: -18_900, day: 6 },
			{ label: 'PRLV SEPA SOFINCO', amount: -15_600, day: 8 },
			{ label: 'PRLV SEPA FRANFINANCE', amount: -12_300, day: 10 },
			{ label: 'PRLV SEPA ONEY BANK', amount: -9_800, day: 12 },
			{ label: 'PRLV SEPA CETELEM', amount: -21_000, day: 7 },
			{ label: 'PRLV SEPA FLOA BANK', amount: -8_500, day: 16 },
			{ label: 'PRLV SEPA EDF', amount: -11_800, day: 14 },
			{ label: 'PRLV SEPA ORANGE', amount: -6_999, day: 15 }
		],
		variable: [
			{ labels: GROCERIES, amount: 6_500, perMonth: 10 },
			{ labels: FUEL, amount: 6_500, perMonth: 4 },
			{ labels: ['CARTE {d} PAYPAL 4X', 'CARTE {d} AMAZON'], amount: 4_000, perMonth: 3 }
		],
		incidents: true
	},
	{
		household: 'Nadia Haddad',
		bank: 'LCL',
		accountId: '01234567890',
		openingBalance: 12_000,
		monthly: [
			{ label: 'VIR SEPA RECU CHU DE BORDEAUX SALAIRE', amount: 141_200, day: 27, jitter: 30 },
			{ label: 'VIR CAF PAJE', amount: 19_363, day: 5 },
			{ label: 'PRLV SEPA AQUITANIS LOYER', amount: -49_500, day: 5 },
			{ label: 'PRLV SEPA CRECHE LES PETITS PAS', amount: -18_000, day: 10 },
			{ label: 'PRLV SEPA EDF', amount: -7_200, day: 12 },
			{ label: 'PRLV SEPA SOSH', amount: -1_999, day: 15 },
			{ label: 'PRLV SEPA MGEN MUTUELLE', amount: -4_800, day: 8 }
		],
		variable: [
			{ labels: GROCERIES, amount: 4_000, perMonth: 8 },
			{ labels: SMALL, amount: 1_100, perMonth: 5 },
			{ labels: ['CARTE {d} TBM TRANSPORTS'], amount: 3_600, perMonth: 1 }
		]
	},
	{
		household: 'Julien Garnier',
		bank: 'Banque Populaire',
		accountId: '12345000111',
		openingBalance: 64_000,
		monthly: [
			{ label: 'VIR FRANCE TRAVAIL ARE', amount: 113_460, day: 3, jitter: 40 },
			{ label: 'PRLV SEPA NEXITY LOYER', amount: -53_000, day: 5 },
			{ label: 'PRLV SEPA ENGIE', amount: -6_900, day: 12 },
			{ label: 'PRLV SEPA FREE', amount: -2_999, day: 19 },
			{ label: 'PRLV SEPA MATMUT AUTO', amount: -4_700, day: 7 },
			{ label: 'PRLV SEPA BASIC FIT', amount: -2_999, day: 2 }
		],
		variable: [
			{ labels: GROCERIES, amount: 3_500, perMonth: 7 },
			{ labels: FUEL, amount: 5_000, perMonth: 2 }
		]
	},
	{
		household: 'Famille Lefèvre',
		bank: 'Crédit Mutuel',
		accountId: '00020999902',
		openingBalance: 3_000,
		monthly: [
			{ label: 'VIR SEPA RECU /DE ADECCO FRANCE /MOTIF PAIE', amount: 115_000, day: 12, jitter: 200 },
			{ label: 'VIR SEPA RECU /DE RANDSTAD /MOTIF SALAIRE', amount: 72_000, day: 14, jitter: 250 },
			{ label: 'VIR CAF ALLOCATIONS FAMILIALES', amount: 15_191, day: 5 },
			{ label: 'PRLV SEPA IMMOBILIERE 3F LOYER', amount: -64_000, day: 5 },
			{ label: 'PRLV SEPA EDF', amount: -11_000, day: 9 },
			{ label: 'PRLV SEPA BOUYGUES TELECOM', amount: -6_498, day: 16 },
			{ label: 'PRLV SEPA CARREFOUR BANQUE PASS', amount: -8_500, day: 11 }
		],
		variable: [
			{ labels: GROCERIES, amount: 6_800, perMonth: 9 },
			{ labels: FUEL, amount: 6_000, perMonth: 4 },
			{ labels: SMALL, amount: 1_500, perMonth: 5 }
		],
		incidents: true
	},
	{
		household: 'Mme Rousseau',
		bank: 'La Banque Postale',
		accountId: '0987654B020',
		openingBalance: 41_000,
		monthly: [
			{ label: 'VIREMENT DE CARSAT PENSION DE REVERSION', amount: 65_240, day: 9 },
			{ label: 'VIREMENT DE AGIRC ARRCO', amount: 9_870, day: 1 },
			{ label: 'PRELEVEMENT DE LOGIREP LOYER', amount: -41_200, day: 5 },
			{ label: 'PRELEVEMENT DE EDF CLIENTS PARTICULIERS', amount: -5_400, day: 14 },
			{ label: 'PRELEVEMENT DE ORANGE', amount: -3_299, day: 20 },
			{ label: 'PRELEVEMENT DE MUTUELLE GENERALE', amount: -9_870, day: 6 }
		],
		variable: [
			{ labels: GROCERIES, amount: 2_200, perMonth: 6 },
			{ labels: ['CARTE {d} PHARMACIE DU CENTRE'], amount: 1_500, perMonth: 2 }
		]
	},
	{
		household: 'Thomas Fontaine',
		bank: 'BoursoBank',
		accountId: '00040123987',
		openingBalance: 15_000,
		monthly: [
			{ label: 'VIR SEPA RECU DE FRANPRIX SALAIRE', amount: 56_000, day: 30, jitter: 60 },
			{ label: 'VIR CAF APL', amount: 22_300, day: 5 },
			{ label: 'PRLV SEPA CROUS LOYER', amount: -39_000, day: 4 },
			{ label: 'PRLV SEPA FREE MOBILE', amount: -999, day: 18 },
			{ label: 'PRLV SEPA SPOTIFY', amount: -599, day: 23 }
		],
		variable: [
			{ labels: ['CARTE {d} UBER EATS', 'CARTE {d} CROUS RESTAURANT'], amount: 1_100, perMonth: 6 },
			{ labels: GROCERIES, amount: 2_200, perMonth: 6 }
		]
	},
	{
		household: 'Famille Diallo',
		bank: 'Société Générale',
		accountId: '00050999888',
		openingBalance: 27_000,
		monthly: [
			{ label: 'VIR RECU ONET PROPRETE SALAIRE', amount: 142_600, day: 28, jitter: 20 },
			{ label: 'VIR RECU CAF ALLOCATIONS FAMILIALES', amount: 59_802, day: 5 },
			{ label: 'VIR RECU CAF COMPLEMENT FAMILIAL', amount: 19_848, day: 5 },
			{ label: 'VIR RECU CAF PRIME ACTIVITE', amount: 31_219, day: 5 },
			{ label: 'PRELEVEMENT EUROPEEN PARIS HABITAT LOYER', amount: -61_300, day: 5 },
			{ label: 'PRELEVEMENT EUROPEEN EDF', amount: -13_900, day: 12 },
			{ label: 'PRELEVEMENT EUROPEEN SFR', amount: -4_999, day: 17 },
			{ label: 'PRELEVEMENT EUROPEEN MAAF ASSURANCES AUTO', amount: -6_500, day: 8 },
			{ label: 'PRELEVEMENT EUROPEEN CANTINE MAIRIE DE PARIS', amount: -12_000, day: 10 }
		],
		variable: [
			{ labels: GROCERIES, amount: 9_000, perMonth: 12 },
			{ labels: SMALL, amount: 1_600, perMonth: 6 }
		]
	},
	{
		household: 'Mme Girard',
		bank: 'Shine',
		accountId: '00060111222',
		openingBalance: 9_000,
		monthly: [
			{ label: 'VIR SEPA RECU CLIENT DUPONT FACTURE', amount: 125_000, day: 15, jitter: 300 },
			{ label: 'PRLV SEPA URSSAF', amount: -19_500, day: 5 },
			{ label: 'PRLV SEPA FONCIA LOYER', amount: -67_000, day: 5 },
			{ label: 'PRLV SEPA ENGIE', amount: -9_900, day: 13 }
		],
		variable: [{ labels: GROCERIES, amount: 3_800, perMonth: 7 }],
		incidents: true
	},
	{
		household: 'M. Lambert',
		bank: 'Crédit Agricole',
		accountId: '98765432101',
		openingBalance: 5_000,
		monthly: [
			{ label: 'VIR CAF RSA', amount: 64_652, day: 5 },
			{ label: 'PRLV SEPA SNCF CONNECT', amount: -2_500, day: 20 }
		],
		variable: [{ labels: GROCERIES, amount: 2_500, perMonth: 6 }]
	}
];

function fill(template: string, date: string): string {
	const [, m, d] = date.split('-');
	return template.replace('{d}', `${d}/${m}`);
}

function vary(random: () => number, cents: Cents, perMille: number): Cents {
	if (!perMille) return cents;
	const delta = Math.round(((random() * 2 - 1) * perMille * Math.abs(cents)) / 1000);
	return cents + (cents < 0 ? -Math.abs(delta) * Math.sign(delta) : delta);
}

/** Moves a date falling on a weekend to the previous Friday, as banks do for salaries and benefits. */
function businessDay(iso: string): string {
	const wd = getDay(isoToDate(iso));
	return wd === 6 ? addDaysIso(iso, -1) : wd === 0 ? addDaysIso(iso, -2) : iso;
}

export interface DemoTransaction {
	date: string;
	amount: Cents;
	label: string;
	id: string;
}

/**
 * The transactions of a scenario from `from` (first day of a month) for `months` months, up to `until`;
 * with `since`, the rows before that day are left out (`openingBalance` is then the balance at `since`).
 */
export function generateTransactions(
	s: DemoScenario,
	from: string,
	months: number,
	until: string,
	seed: number,
	since?: string
): DemoTransaction[] {
	const random = seededRandom(seed);
	const out: DemoTransaction[] = [];
	let balance = s.openingBalance;
	const start = isoToDate(from);
	for (let i = 0; i < months; i++) {
		const monthStart = addMonths(start, i);
		const y = monthStart.getFullYear();
		const m = monthStart.getMonth();
		const day = (d: number) => dateToIso(new Date(y, m, Math.min(d, new Date(y, m + 1, 0).getDate())));
		const events: DemoTransaction[] = [];
		for (const r of s.monthly) {
			if (r.months && !r.months.includes(m)) continue;
			if (r.untilMonth !== undefined && i >= r.untilMonth) continue;
			events.push({
				date: businessDay(day(r.day)),
				amount: vary(random, r.amount, r.jitter ?? 0),
				label: r.label,
				id: ''
			});
		}
		for (const v of s.variable) {
			const n = Math.max(1, Math.round(v.perMonth * (0.7 + random() * 0.6)));
			for (let k = 0; k < n; k++) {
				const d = day(1 + Math.floor(random() * 28));
				const amount = -Math.max(150, Math.round(v.amount * (0.4 + random() * 1.2)));
				events.push({ date: d, amount, label: fill(v.labels[Math.floor(random() * v.labels.length)], d), id: '' });
			}
		}
		events.sort((a, b) => a.date.localeCompare(b.date) || b.amount - a.amount);
		for (const e of events) {
			if (e.date > until || (since !== undefined && e.date < since)) continue;
			out.push(e);
			balance += e.amount;
			if (s.incidents && balance < 0 && e.amount < 0 && random() < 0.5) {
				const fee = { date: addDaysIso(e.date, 1), amount: -800, label: 'COMMISSION D INTERVENTION', id: '' };
				if (fee.date <= until) {
					out.push(fee);
					balance += fee.amount;
				}
			}
		}
	}
	out.sort((a, b) => a.date.localeCompare(b.date));
	out.forEach((t, i) => (t.id = `${s.accountId}-${String(i + 1).padStart(6, '0')}`));
	return out;
}

/**
 * The file a scenario's bank would export for these transactions: its own CSV layout (La Banque Postale,
 * Crédit Agricole, Société Générale, Crédit Mutuel, BPCE, LCL, BoursoBank, Shine) or OFX (BNP Paribas,
 * Banque Populaire); see demo-bank-files.ts. `period` is the span the statement covers (its first and last
 * rows by default).
 */
export function renderStatement(
	s: DemoScenario,
	txs: DemoTransaction[],
	period?: Partial<StatementPeriod>
): StatementFile {
	return renderBankFile(s, txs, period);
}

export { renderOfx, renderCreditMutuelCsv, statementBytes } from './demo-bank-files';
