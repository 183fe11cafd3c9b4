/**
 * The demo's statements as each household's bank writes them (shared/domain/bank-formats.md): the layout
 * the importer recognises from the file's content, the bank's amount style (`-1 234,56`, `+512,00`, debit and
 * credit both positive, balance with a decimal point…), its encoding and line endings, and the balances it
 * states (which the importer reconciles with the rows, so every balance written here is exact).
 * Amounts are integer cents throughout; formatting works on the integer's digits, never on a float.
 */
import type { Cents } from '$lib/money';
import { addDaysIso, formatDateFr } from '$lib/dates';
import type { DemoScenario, DemoTransaction } from './demo-statements';

/** The period a statement covers: `from` is the day its opening balance is stated for, `to` its last day. */
export interface StatementPeriod {
	from: string;
	to: string;
}

export interface StatementFile {
	fileName: string;
	content: string;
	/** How the bank encodes the file: French banks mostly write Windows-1252, BoursoBank UTF-8. */
	encoding: 'utf-8' | 'windows-1252';
	/** The importer's layout id for a CSV file, null for OFX. */
	layout: string | null;
}

// ---------------------------------------------------------------------------------------------------
// amounts and dates

interface AmountStyle {
	/** decimal separator */
	decimal?: ',' | '.';
	/** thousands separator ('' for none) */
	thousands?: string;
	/** `+` before credits */
	plus?: boolean;
	/** no sign at all (Crédit Agricole's debit and credit columns) */
	unsigned?: boolean;
	/** trailing zeros of the cents dropped, as LCL writes them (`-45,2`, `1500`) */
	trimZeros?: boolean;
}

/** Formats integer cents the way a bank writes them, e.g. `-1 234,56`, `+512,00`, `1226.68`, `-45,2`. */
export function bankAmount(cents: Cents, style: AmountStyle = {}): string {
	if (!Number.isSafeInteger(cents)) throw new Error(`not integer cents: ${cents}`);
	const { decimal = ',', thousands = '', plus = false, unsigned = false, trimZeros = false } = style;
	const abs = Math.abs(cents);
	const euros = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
	let rest = String(abs % 100).padStart(2, '0');
	if (trimZeros) rest = rest.replace(/0+$/, '');
	const sign = unsigned ? '' : cents < 0 ? '-' : plus && cents > 0 ? '+' : '';
	return `${sign}${euros}${rest ? `${decimal}${rest}` : ''}`;
}

/** `2026-03-31` → `31/03/2026` (or `31/03/26` with a two-digit year). */
function dmy(iso: string, shortYear = false): string {
	const fr = formatDateFr(iso);
	return shortYear ? `${fr.slice(0, 6)}${fr.slice(8)}` : fr;
}

/** `2026-03-31` → `31032026`. */
function dmyCompact(iso: string): string {
	return `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`;
}

/** Windows-1252 bytes of a text (Latin-1 characters plus the few 0x80–0x9F ones a French file may hold). */
export function encodeWindows1252(text: string): Uint8Array {
	const high: Record<string, number> = {
		'€': 0x80,
		'‚': 0x82,
		'„': 0x84,
		'…': 0x85,
		Œ: 0x8c,
		'‘': 0x91,
		'’': 0x92,
		'“': 0x93,
		'”': 0x94,
		'–': 0x96,
		'—': 0x97,
		œ: 0x9c,
		Ÿ: 0x9f
	};
	const out = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		const code = ch.charCodeAt(0);
		if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) out[i] = code;
		else if (high[ch] !== undefined) out[i] = high[ch];
		else throw new Error(`character not in Windows-1252: ${JSON.stringify(ch)}`);
	}
	return out;
}

/** The bytes of a statement file, in the bank's encoding. */
export function statementBytes(file: Pick<StatementFile, 'content' | 'encoding'>): Uint8Array {
	return file.encoding === 'windows-1252' ? encodeWindows1252(file.content) : new TextEncoder().encode(file.content);
}

function balances(s: DemoScenario, txs: DemoTransaction[]): { closing: Cents; running: Cents[] } {
	let b = s.openingBalance;
	const running = txs.map((t) => (b += t.amount));
	return { closing: b, running };
}

/** Newest first, as most banks list their operations (same-day rows keep their relative order reversed). */
function newestFirst(txs: DemoTransaction[]): DemoTransaction[] {
	return [...txs].reverse();
}

// ---------------------------------------------------------------------------------------------------
// what a bank adds to a label: payee, operation type, category

const MOTIF_WORDS = new Set([
	'LOYER',
	'SALAIRE',
	'PAIE',
	'AAH',
	'APL',
	'RSA',
	'AF',
	'ALF',
	'PAJE',
	'ARE',
	'RETRAITE',
	'CONJOINT',
	'ECHEANCE',
	'FACTURE',
	'ALLOCATIONS',
	'FAMILIALES',
	'PRIME',
	'ACTIVITE',
	'COMPLEMENT',
	'FAMILIAL',
	'PENSION',
	'DE',
	'REVERSION',
	'HABITATION',
	'AUTO',
	'ELECTRICITE',
	'MUTUELLE',
	'CREDIT',
	'PASS',
	'4X',
	'TAXE',
	'FONCIERE',
	'SCOLAIRE'
]);

/** A clean payee, as banks derive one (BPCE `Libelle simplifie`, Bourso `supplierFound`, Shine's counterparty). */
export function simplePayee(label: string): string {
	let text = label
		.replace(/^(CARTE|RETRAIT DAB) \d{2}\/\d{2}(\/\d{2})? /, '')
		.replace(
			/^(PRLV SEPA|PRLV|PRELEVEMENT EUROPEEN|PRELEVEMENT DE|VIR SEPA RECU \/DE|VIR SEPA RECU DE|VIR SEPA RECU|VIR RECU|VIREMENT DE|VIR) /,
			''
		)
		.replace(/\s*\/MOTIF .*$/, '')
		.trim();
	if (/^COMMISSION D INTERVENTION$/.test(text)) return 'FRAIS';
	if (/^CIC /.test(text) && /^RETRAIT/.test(label)) return 'RETRAIT DAB';
	const words = text.split(/\s+/);
	while (words.length > 1 && (MOTIF_WORDS.has(words[words.length - 1]) || /^\d+$/.test(words[words.length - 1])))
		words.pop();
	text = words.join(' ');
	return text;
}

type OperationKind = 'card' | 'cash' | 'debit' | 'transfer-in' | 'fee';

function operationKind(t: DemoTransaction): OperationKind {
	if (/^RETRAIT/.test(t.label)) return 'cash';
	if (/^CARTE /.test(t.label)) return 'card';
	if (/^COMMISSION/.test(t.label)) return 'fee';
	return t.amount > 0 ? 'transfer-in' : 'debit';
}

const FOOD = /CARREFOUR|LIDL|LECLERC|INTERMARCHE|ALDI|BOULANGERIE/;
const EATING_OUT = /UBER EATS|MCDONALDS|DELIVEROO|CROUS RESTAURANT/;

/** The bank's own category (sub-category, parent) for a row, roughly as BoursoBank and BPCE assign them. */
function bankCategory(t: DemoTransaction): [string, string] {
	const l = t.label;
	if (t.amount > 0) {
		if (/CAF|CARSAT|AGIRC|FRANCE TRAVAIL/.test(l)) return ['Allocations et pensions', 'Revenus'];
		if (/SALAIRE|PAIE/.test(l)) return ['Salaires', 'Revenus'];
		return ['Virements reçus', 'Revenus'];
	}
	if (/COMMISSION/.test(l)) return ['Frais bancaires', 'Banque'];
	if (/LOYER/.test(l)) return ['Loyer', 'Logement'];
	if (/^CARTE .*(TOTALENERGIES|ESSO)/.test(l)) return ['Carburant', 'Transports'];
	if (/EDF|ENGIE|TOTALENERGIES/.test(l)) return ['Energie', 'Logement'];
	if (/FREE|ORANGE|SFR|SOSH|BOUYGUES/.test(l)) return ['Telephonie et internet', 'Abonnements'];
	if (/RETRAIT/.test(l)) return ['Retraits', 'Retraits'];
	if (EATING_OUT.test(l)) return ['Restaurants', 'Loisirs'];
	if (FOOD.test(l)) return ['Alimentation', 'Vie quotidienne'];
	if (/PHARMACIE|MEDECIN|MUTUELLE/.test(l)) return ['Sante', 'Sante'];
	return ['Divers', 'Autres depenses'];
}

function titleCase(text: string): string {
	return text.toLowerCase().replace(/(^|[\s.-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** A number derived from the row's id: the same for the same row at every run, distinct per row. */
function rowHash(t: DemoTransaction): number {
	return Math.imul(Number(t.id.replace(/\D/g, '').slice(-9)), 0x9e3779b1) >>> 0;
}

/** A short reference number for a row (SG's `VIR RECU 508160`). */
function reference(t: DemoTransaction, digits: number): string {
	return String(rowHash(t) % 10 ** digits).padStart(digits, '0');
}

// ---------------------------------------------------------------------------------------------------
// the layouts

/** La Banque Postale: 6-line preamble (account, type, currency, date, balance), then `Date;Libellé;Montant(EUROS)` newest first, signed `+`/`-` amounts. */
export function renderBanquePostaleCsv(s: DemoScenario, txs: DemoTransaction[], period: StatementPeriod): string {
	const { closing } = balances(s, txs);
	const amount = (c: Cents) => bankAmount(c, { thousands: ' ', plus: true });
	const lines = [
		`Numéro Compte   ;${s.accountId}`,
		'Type ;CCP',
		'Compte tenu en ;euros',
		`Date ;${dmy(period.to)}`,
		`Solde (EUROS) ;${amount(closing)}`,
		';',
		'Date;Libellé;Montant(EUROS)'
	];
	for (const t of newestFirst(txs)) lines.push(`${dmy(t.date)};"${t.label}";${amount(t.amount)}`);
	return `${lines.join('\r\n')}\r\n`;
}

/** Crédit Agricole: preamble with the account and `Solde au dd/mm/yy : x EUR`, debit and credit both positive, a card trailer. */
export function renderCreditAgricoleCsv(s: DemoScenario, txs: DemoTransaction[], period: StatementPeriod): string {
	const { closing } = balances(s, txs);
	const amount = (c: Cents) => bankAmount(c, { thousands: ' ', unsigned: true });
	const holder = s.household.toUpperCase().replace(/^FAMILLE /, 'M. OU MME ');
	const lines = [
		`Téléchargement du ${dmy(addDaysIso(period.to, 1))};`,
		'',
		`${holder};`,
		`CCHQ no ${s.accountId};`,
		`Solde au ${dmy(period.to, true)} : ${bankAmount(closing, { thousands: ' ' })} EUR;`,
		'',
		`Liste des opérations du compte entre le ${dmy(period.from)} et le ${dmy(period.to)};`,
		'',
		'Date;Libellé;Débit Euros;Crédit Euros;'
	];
	for (const t of newestFirst(txs)) {
		lines.push(
			`${dmy(t.date)};"${t.label}    ";${t.amount < 0 ? amount(t.amount) : ''};${t.amount > 0 ? amount(t.amount) : ''};`
		);
	}
	lines.push(
		'',
		`VISA CLASSIC no 4974 xxxx xxxx xx${s.accountId.slice(-2)};`,
		";Pas d'opération pour cette carte en cours ;"
	);
	return `${lines.join('\r\n')}\r\n`;
}

/** Société Générale: `="account";from;to;count;date;balance EUR`, a blank line, then a short `Libellé` and the full `Détail`. */
export function renderSocieteGeneraleCsv(s: DemoScenario, txs: DemoTransaction[], period: StatementPeriod): string {
	const { closing } = balances(s, txs);
	const card = s.accountId.slice(-4);
	const short = (t: DemoTransaction): string => {
		const m = /^CARTE (\d{2}\/\d{2})/.exec(t.label);
		if (m) return `CARTE X${card} ${m[1]}`;
		if (t.label.startsWith('PRELEVEMENT EUROPEEN')) return `PRELEVEMENT EUROPEEN ${reference(t, 10)}`;
		if (t.label.startsWith('VIR RECU')) return `VIR RECU ${reference(t, 7)}`;
		return t.label.split(' ').slice(0, 3).join(' ');
	};
	const lines = [
		`="03000${s.accountId}";${dmy(period.from)};${dmy(period.to)};${txs.length};${dmy(period.to)};${bankAmount(closing)} EUR`,
		'',
		"Date de l'opération;Libellé;Détail de l'écriture;Montant de l'opération;Devise"
	];
	for (const t of newestFirst(txs)) lines.push(`${dmy(t.date)};${short(t)};${t.label} ;${bankAmount(t.amount)};EUR`);
	return `${lines.join('\r\n')}\r\n`;
}

/** Crédit Mutuel / CIC: `Date;Date de valeur;Débit;Crédit;Libellé;Solde`, negative debits, a running balance, oldest first. */
export function renderCreditMutuelCsv(s: DemoScenario, txs: DemoTransaction[]): string {
	const { running } = balances(s, txs);
	const lines = ['Date;Date de valeur;Débit;Crédit;Libellé;Solde'];
	txs.forEach((t, i) => {
		lines.push(
			`${dmy(t.date)};${dmy(t.date)};${t.amount < 0 ? bankAmount(t.amount) : ''};${t.amount > 0 ? bankAmount(t.amount) : ''};${t.label};${bankAmount(running[i])}`
		);
	});
	return `${lines.join('\r\n')}\r\n`;
}

/** Caisse d'Épargne / Banque Populaire (BPCE, 13 columns): negative `Debit`, `+` credits, clean payee, balance footer rows. */
export function renderBpceCsv(s: DemoScenario, txs: DemoTransaction[], period: StatementPeriod): string {
	const { closing } = balances(s, txs);
	const amount = (c: Cents) => bankAmount(c, { thousands: ' ', plus: true });
	const ascii = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
	const type: Record<OperationKind, string> = {
		card: 'Carte bancaire',
		cash: 'Retrait',
		debit: 'Prelevement',
		'transfer-in': 'Virement recu',
		fee: 'Frais bancaires'
	};
	const lines = [
		'Date de comptabilisation;Libelle simplifie;Libelle operation;Reference;Informations complementaires;Type operation;Categorie;Sous categorie;Debit;Credit;Date operation;Date de valeur;Pointage operation'
	];
	for (const t of newestFirst(txs)) {
		const [sub, parent] = bankCategory(t);
		const kind = operationKind(t);
		const ref = kind === 'debit' || kind === 'transfer-in' ? reference(t, 8) : '';
		lines.push(
			[
				dmy(t.date),
				simplePayee(t.label),
				t.label,
				ref,
				'',
				type[kind],
				ascii(parent),
				ascii(sub),
				t.amount < 0 ? amount(t.amount) : '',
				t.amount > 0 ? amount(t.amount) : '',
				dmy(t.date),
				dmy(t.date),
				'0'
			].join(';')
		);
	}
	const footer = (text: string, c: Cents) =>
		[text, '', '', '', '', '', '', '', c < 0 ? amount(c) : '', c >= 0 ? amount(c) : '', '', '', ''].join(';');
	lines.push(
		footer(`Solde en fin de periode au ${dmy(period.to)}`, closing),
		footer(`Solde en debut de periode au ${dmy(period.from)}`, s.openingBalance)
	);
	return `${lines.join('\r\n')}\r\n`;
}

/** LCL: no header; balance rows `date;balance;;agency account` first (opening) and last (closing); 8-field rows, trailing zeros dropped. */
export function renderLclCsv(s: DemoScenario, txs: DemoTransaction[], period: StatementPeriod): string {
	const { closing } = balances(s, txs);
	const amount = (c: Cents) => bankAmount(c, { trimZeros: true });
	const account = `00451 ${s.accountId.slice(-6)}A`;
	const type: Record<OperationKind, string> = {
		card: 'Carte',
		cash: 'Retrait',
		debit: 'Prélèvement',
		'transfer-in': 'Virement',
		fee: ''
	};
	const lines = [`${dmy(period.from)};${amount(s.openingBalance)};;${account}`];
	for (const t of txs) {
		const incoming = operationKind(t) === 'transfer-in';
		const [sub] = bankCategory(t);
		lines.push(
			[
				dmy(t.date),
				amount(t.amount),
				type[operationKind(t)],
				'',
				incoming ? '' : t.label,
				incoming ? t.label : '',
				'0',
				sub
			].join(';')
		);
	}
	lines.push(`${dmy(period.to)};${amount(closing)};;${account}`);
	return `${lines.join('\r\n')}\r\n`;
}

/** BoursoBank (current layout): ISO dates, `Payee | RAW LABEL` on card rows, comma amounts with NBSP thousands, the account balance with a point. */
export function renderBoursoBankCsv(s: DemoScenario, txs: DemoTransaction[]): string {
	const { closing } = balances(s, txs);
	const balance = bankAmount(closing, { decimal: '.' });
	const q = (text: string) => `"${text.replace(/"/g, '""')}"`;
	const lines = [
		'dateOp;dateVal;label;category;categoryParent;supplierFound;amount;comment;accountNum;accountLabel;accountbalance'
	];
	for (const t of newestFirst(txs)) {
		const kind = operationKind(t);
		const payee = kind === 'fee' ? '' : simplePayee(t.label);
		const label =
			kind === 'card'
				? `${titleCase(payee)} | ${t.label} CB*${s.accountId.slice(-4)}`
				: kind === 'fee'
					? `*${t.label}`
					: t.label;
		const [sub, parent] = bankCategory(t);
		lines.push(
			[
				t.date,
				t.date,
				q(label),
				q(sub),
				q(parent),
				q(payee.toLowerCase()),
				bankAmount(t.amount, { thousands: '\u00a0' }),
				'',
				s.accountId,
				q('BoursoBank'),
				q(balance)
			].join(';')
		);
	}
	return `${lines.join('\n')}\n`;
}

/** Shine: `Transaction ID;…;Débit;Crédit;…;Libellé;Nom de la contrepartie`, positive debit and credit, no balance. */
export function renderShineCsv(s: DemoScenario, txs: DemoTransaction[]): string {
	const type: Record<OperationKind, string> = {
		card: 'Carte',
		cash: 'Retrait',
		debit: 'Prélèvement',
		'transfer-in': 'Virement',
		fee: 'Frais'
	};
	const lines = [
		"Transaction ID;Date de la valeur;Date d'opération;Type;Débit;Crédit;Devise;Catégorie;Libellé;Nom de la contrepartie"
	];
	for (const t of newestFirst(txs)) {
		const id = `tx_${rowHash(t).toString(16).padStart(8, '0')}`;
		const [sub] = bankCategory(t);
		const amount = bankAmount(t.amount, { thousands: ' ', unsigned: true });
		lines.push(
			[
				id,
				dmy(t.date),
				dmy(t.date),
				type[operationKind(t)],
				t.amount < 0 ? amount : '',
				t.amount > 0 ? amount : '',
				'EUR',
				sub,
				t.label,
				titleCase(simplePayee(t.label))
			].join(';')
		);
	}
	return `${lines.join('\r\n')}\r\n`;
}

/** OFX 1.0.2 SGML (unclosed tags, CHARSET 1252), as BNP Paribas and Banque Populaire export it. */
export function renderOfx(s: DemoScenario, txs: DemoTransaction[]): string {
	const { closing } = balances(s, txs);
	const bp = s.bank === 'Banque Populaire';
	// Banque Populaire writes an explicit `+` on credits
	const amount = (c: Cents) => bankAmount(c, { decimal: '.', plus: bp });
	const ofxDate = (iso: string) => iso.replace(/-/g, '');
	const last = txs.at(-1)?.date ?? '2026-01-01';
	const lines = [
		'OFXHEADER:100',
		'DATA:OFXSGML',
		'VERSION:102',
		'SECURITY:NONE',
		'ENCODING:USASCII',
		'CHARSET:1252',
		'COMPRESSION:NONE',
		'OLDFILEUID:NONE',
		'NEWFILEUID:NONE',
		'',
		'<OFX>',
		'<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>' +
			ofxDate(last) +
			'<LANGUAGE>FRA</SONRS></SIGNONMSGSRSV1>',
		'<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>',
		`<STMTRS><CURDEF>EUR<BANKACCTFROM><BANKID>${bp ? '10907' : '30004'}<BRANCHID>00001<ACCTID>${s.accountId}<ACCTTYPE>CHECKING</BANKACCTFROM>`,
		`<BANKTRANLIST><DTSTART>${ofxDate(txs[0]?.date ?? last)}<DTEND>${ofxDate(last)}`
	];
	for (const t of txs) {
		lines.push(
			`<STMTTRN><TRNTYPE>${t.amount < 0 ? 'DEBIT' : 'CREDIT'}<DTPOSTED>${ofxDate(t.date)}<TRNAMT>${amount(t.amount)}<FITID>${t.id}<NAME>${t.label}</STMTTRN>`
		);
	}
	lines.push(
		'</BANKTRANLIST>',
		`<LEDGERBAL><BALAMT>${amount(closing)}<DTASOF>${ofxDate(last)}</LEDGERBAL>`,
		'</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>',
		''
	);
	return lines.join('\r\n');
}

// ---------------------------------------------------------------------------------------------------
// which bank writes what

type Renderer = (s: DemoScenario, txs: DemoTransaction[], period: StatementPeriod) => string;

interface BankExport {
	layout: string | null;
	encoding: StatementFile['encoding'];
	render: Renderer;
	fileName: (s: DemoScenario, period: StatementPeriod) => string;
}

const OFX: BankExport = {
	layout: null,
	encoding: 'windows-1252',
	render: renderOfx,
	fileName: (s) => `releve-${s.accountId}.ofx`
};

/** The export each demo bank offers (the bank's name as written in DEMO_SCENARIOS). */
export const BANK_EXPORTS: Record<string, BankExport> = {
	'La Banque Postale': {
		layout: 'banque-postale',
		encoding: 'windows-1252',
		render: renderBanquePostaleCsv,
		fileName: (s, p) => `releve_CCP${s.accountId}_${p.to.replace(/-/g, '')}.csv`
	},
	'Crédit Agricole': {
		layout: 'credit-agricole',
		encoding: 'windows-1252',
		render: renderCreditAgricoleCsv,
		fileName: (s, p) => `CA${p.to.replace(/-/g, '')}_${s.accountId}.csv`
	},
	'Société Générale': {
		layout: 'societe-generale',
		encoding: 'windows-1252',
		render: renderSocieteGeneraleCsv,
		fileName: (s) => `Export_${s.accountId}.csv`
	},
	'Crédit Mutuel': {
		layout: 'credit-mutuel',
		encoding: 'windows-1252',
		render: renderCreditMutuelCsv,
		fileName: (s) => `export-${s.accountId}.csv`
	},
	'Caisse d’Épargne': {
		layout: 'bpce',
		encoding: 'windows-1252',
		render: renderBpceCsv,
		fileName: (s, p) => `${s.accountId}_${dmyCompact(p.from)}_${dmyCompact(p.to)}.csv`
	},
	LCL: { layout: 'lcl', encoding: 'windows-1252', render: renderLclCsv, fileName: (s) => `lcl-${s.accountId}.csv` },
	BoursoBank: {
		layout: 'boursobank',
		encoding: 'utf-8',
		render: renderBoursoBankCsv,
		fileName: (_s, p) => `export-operations-${dmy(addDaysIso(p.to, 1)).replace(/\//g, '-')}_08-00-00.csv`
	},
	Shine: {
		layout: 'shine',
		encoding: 'windows-1252',
		render: renderShineCsv,
		fileName: (_s, p) => `BQ_${p.from}_${p.to}.csv`
	},
	'BNP Paribas': OFX,
	'Banque Populaire': OFX
};

/** The file the scenario's bank exports for these transactions (OFX for a bank not listed). */
export function renderBankFile(
	s: DemoScenario,
	txs: DemoTransaction[],
	period?: Partial<StatementPeriod>
): StatementFile {
	const p: StatementPeriod = {
		from: period?.from ?? txs[0]?.date ?? '2026-01-01',
		to: period?.to ?? txs.at(-1)?.date ?? '2026-01-01'
	};
	const bank = BANK_EXPORTS[s.bank] ?? OFX;
	return {
		fileName: bank.fileName(s, p),
		content: bank.render(s, txs, p),
		encoding: bank.encoding,
		layout: bank.layout
	};
}
