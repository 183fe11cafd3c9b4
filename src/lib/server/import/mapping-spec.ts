/**
 * The generic CSV path from a command line: `date=1,label=3,amount=5` or `date=Date,label=Texte,debit=Débit,
 * credit=Crédit,dateFormat=dd.mm.yyyy,decimal=.,thousands='` read into a CsvMapping. Columns are given by
 * number (from 1) or by header name (resolved against the file's preview); every mistake is refused with a
 * French message naming the key at fault.
 */
import { ImportError } from './errors';
import { shown } from './limits';
import { headerKey } from './text';
import type { CsvMapping, CsvPreview, DateOrder } from './types';

type Key =
	| 'date'
	| 'label'
	| 'amount'
	| 'debit'
	| 'credit'
	| 'operationDate'
	| 'payee'
	| 'balance'
	| 'dateFormat'
	| 'decimal'
	| 'thousands'
	| 'header'
	| 'skip'
	| 'delimiter';

/** Accepted spellings of each key (compared without case or accents). */
const ALIASES: Record<string, Key> = {
	date: 'date',
	label: 'label',
	libelle: 'label',
	amount: 'amount',
	montant: 'amount',
	debit: 'debit',
	credit: 'credit',
	opdate: 'operationDate',
	operationdate: 'operationDate',
	dateoperation: 'operationDate',
	payee: 'payee',
	beneficiaire: 'payee',
	tiers: 'payee',
	balance: 'balance',
	solde: 'balance',
	dateformat: 'dateFormat',
	format: 'dateFormat',
	decimal: 'decimal',
	decimale: 'decimal',
	thousands: 'thousands',
	milliers: 'thousands',
	header: 'header',
	entete: 'header',
	skip: 'skip',
	skiprows: 'skip',
	sep: 'delimiter',
	delimiter: 'delimiter',
	separateur: 'delimiter'
};

const KEY_START = new RegExp(
	`(?:^|,)\\s*(${Object.keys(ALIASES).join('|')}|libellé|débit|crédit|bénéficiaire|décimale|entête|séparateur)\\s*=`,
	'gi'
);

function bad(message: string): ImportError {
	return new ImportError(`Correspondance de colonnes invalide : ${message}`);
}

/** Splits `key=value,key=value` where a value may itself be a comma (`decimal=,`) or be "quoted". */
function entries(spec: string): [Key, string][] {
	const starts = [...spec.matchAll(KEY_START)];
	if (starts.length === 0 || spec.slice(0, starts[0].index).trim() !== '') {
		throw bad(`« ${shown(spec)} » : écrivez par exemple date=1,label=3,amount=5.`);
	}
	return starts.map((m, i) => {
		const key = ALIASES[headerKey(m[1]).replace(/ /g, '')];
		const from = (m.index as number) + m[0].length;
		const to = i + 1 < starts.length ? (starts[i + 1].index as number) : spec.length;
		let value = spec.slice(from, to);
		if (/^\s*".*"\s*$/.test(value)) value = value.trim().slice(1, -1);
		else if (value.trim() !== '') value = value.trim();
		return [key, value];
	});
}

/** One column, by number from 1 or by header name; returns its 0-based index. */
function column(key: string, value: string, preview: CsvPreview | null | undefined): number {
	if (/^\d+$/.test(value)) {
		const n = Number(value);
		if (n < 1) throw bad(`${key}=${value} : les colonnes se comptent à partir de 1.`);
		return n - 1;
	}
	if (value === '') throw bad(`${key}= : indiquez un numéro de colonne ou le nom d'une colonne.`);
	if (!preview || !preview.hasHeader) {
		throw bad(
			`${key}=${shown(value)} : ce fichier n'a pas de ligne d'en-tête où trouver ce nom, donnez le numéro de la colonne.`
		);
	}
	const want = headerKey(value);
	const i = preview.columns.findIndex((c) => headerKey(c) === want);
	if (i === -1) {
		const names = preview.columns
			.slice(0, 12)
			.map((c) => `« ${shown(c)} »`)
			.join(', ');
		throw bad(`${key}=${shown(value)} : aucune colonne de ce nom (colonnes : ${names}).`);
	}
	return i;
}

const FORMAT_TOKENS = /^(dd?|mm?|yyyy|yy)([./\-' ])(dd?|mm?|yyyy|yy)\2(dd?|mm?|yyyy|yy)$/i;

/** The date order a format such as `dd.mm.yyyy` states, or an ImportError. */
export function dateFormatOrder(format: string): DateOrder {
	const m = FORMAT_TOKENS.exec(format.trim());
	const parts = m ? [m[1], m[3], m[4]].map((p) => p[0].toLowerCase()).join('') : '';
	if (parts === 'dmy' || parts === 'mdy' || parts === 'ymd') return parts;
	throw bad(`format de date inconnu « ${shown(format)} » (exemples : dd.mm.yyyy, dd/mm/yy, yyyy-mm-dd, mm/dd/yyyy).`);
}

/** A regular expression matching exactly the dates written in `format` (a time may follow). */
export function dateFormatPattern(format: string): RegExp {
	dateFormatOrder(format);
	const m = FORMAT_TOKENS.exec(format.trim()) as RegExpExecArray;
	const part = (t: string) => (t.length === 4 ? '\\d{4}' : t[0].toLowerCase() === 'y' ? '\\d{2}' : '\\d{1,2}');
	const sep = `\\${m[2]}`;
	return new RegExp(`^${part(m[1])}${sep}${part(m[3])}${sep}${part(m[4])}(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?$`);
}

function separator(key: string, value: string, allowed: string[]): string {
	const named: Record<string, string> = { space: ' ', espace: ' ', tab: '\t', tabulation: '\t', none: '', aucun: '' };
	const v = named[value.toLowerCase()] ?? value;
	if (!allowed.includes(v)) {
		throw bad(
			`${key}=${shown(value)} : valeurs possibles ${allowed.map((a) => (a === ' ' ? 'space' : a === '\t' ? 'tab' : a === '' ? 'none' : a)).join(' ')}.`
		);
	}
	return v;
}

function yesNo(key: string, value: string): boolean {
	const v = value.toLowerCase();
	if (['yes', 'oui', 'true', '1', 'o', 'y'].includes(v)) return true;
	if (['no', 'non', 'false', '0', 'n'].includes(v)) return false;
	throw bad(`${key}=${shown(value)} : écrivez yes ou no.`);
}

/**
 * Reads a mapping written on the command line. `preview` (previewCsv of the file) resolves header names
 * and gives the header and preamble rows when the spec does not (`header=no`, `skip=3`).
 */
export function parseMappingSpec(spec: string, preview?: CsvPreview | null): CsvMapping {
	const seen = new Map<Key, string>();
	for (const [key, value] of entries(spec)) {
		if (seen.has(key)) throw bad(`${key} est donné deux fois.`);
		seen.set(key, value);
	}
	const col = (key: Key) => (seen.has(key) ? column(key, seen.get(key) as string, preview) : undefined);
	const date = col('date');
	if (date === undefined) throw bad('indiquez la colonne de la date (date=…).');
	const labelSpec = seen.get('label');
	if (labelSpec === undefined) throw bad('indiquez la colonne du libellé (label=…, plusieurs avec +).');
	const mapping: CsvMapping = {
		dateColumn: date,
		labelColumns: labelSpec.split('+').map((p) => column('label', p.trim(), preview)),
		hasHeader: seen.has('header') ? yesNo('header', seen.get('header') as string) : (preview?.hasHeader ?? true)
	};
	const optional: [Key, keyof CsvMapping][] = [
		['amount', 'amountColumn'],
		['debit', 'debitColumn'],
		['credit', 'creditColumn'],
		['operationDate', 'operationDateColumn'],
		['payee', 'payeeColumn'],
		['balance', 'balanceColumn']
	];
	for (const [key, field] of optional) {
		const c = col(key);
		if (c !== undefined) (mapping as unknown as Record<string, number>)[field] = c;
	}
	if (mapping.amountColumn === undefined && (mapping.debitColumn === undefined || mapping.creditColumn === undefined)) {
		throw bad('indiquez la colonne du montant (amount=…), ou celles du débit et du crédit (debit=…,credit=…).');
	}
	if (mapping.amountColumn !== undefined && (mapping.debitColumn !== undefined || mapping.creditColumn !== undefined)) {
		throw bad('donnez soit amount, soit debit et credit, pas les deux.');
	}
	readFormatKeys(seen, mapping, preview);
	return mapping;
}

/** dateFormat, decimal, thousands, skip and delimiter. */
function readFormatKeys(seen: Map<Key, string>, mapping: CsvMapping, preview: CsvPreview | null | undefined): void {
	const format = seen.get('dateFormat');
	if (format !== undefined) {
		mapping.dateOrder = dateFormatOrder(format);
		mapping.dateFormat = format.trim();
	}
	const decimal = seen.get('decimal');
	if (decimal !== undefined) mapping.decimal = separator('decimal', decimal, [',', '.']) as ',' | '.';
	const thousands = seen.get('thousands');
	if (thousands !== undefined) {
		mapping.thousands = separator('thousands', thousands, ["'", '’', ' ', '.', ',', '']);
		if (mapping.thousands !== '' && mapping.thousands === mapping.decimal) {
			throw bad('le séparateur des milliers et celui des décimales doivent être différents.');
		}
	}
	const skip = seen.get('skip');
	if (skip !== undefined) {
		if (!/^\d+$/.test(skip)) throw bad(`skip=${shown(skip)} : indiquez un nombre de lignes.`);
		mapping.skipRows = Number(skip);
	} else if (preview) mapping.skipRows = preview.skipRows;
	const delimiter = seen.get('delimiter');
	if (delimiter !== undefined) mapping.delimiter = separator('sep', delimiter, [';', ',', '\t', '|']);
	else if (preview) mapping.delimiter = preview.delimiter;
}
