/**
 * CSV statements: sniffs the separator, tries every known bank layout on the file's content (never on
 * the bank the person picked), and falls back to a column mapping asked from the person.
 */
import { readCsv, sniffDelimiter } from './csv-reader';
import { buildPreview, parseWithMapping } from './generic-csv';
import { NeedsMappingError } from './errors';
import { scanLines } from './limits';
import type { CsvLayout, LayoutOutput } from './layouts/common';
import { banquePostale } from './layouts/banque-postale';
import { bnpLegacy } from './layouts/bnp';
import { boursobank } from './layouts/boursobank';
import { bpce } from './layouts/bpce';
import { caisseEpargneOld } from './layouts/caisse-epargne-old';
import { creditAgricole } from './layouts/credit-agricole';
import { creditMutuel } from './layouts/credit-mutuel';
import { fortuneo } from './layouts/fortuneo';
import { lcl } from './layouts/lcl';
import { n26 } from './layouts/n26';
import { qonto } from './layouts/qonto';
import { revolut } from './layouts/revolut';
import { shine } from './layouts/shine';
import { societeGenerale } from './layouts/societe-generale';
import type { CsvMapping, CsvPreview, DateOrder } from './types';

/** Known layouts, most specific headers first; headerless layouts (BNP, LCL) last. */
export const CSV_LAYOUTS: readonly CsvLayout[] = [
	boursobank,
	bpce,
	caisseEpargneOld,
	creditMutuel,
	fortuneo,
	societeGenerale,
	creditAgricole,
	banquePostale,
	n26,
	revolut,
	qonto,
	shine,
	bnpLegacy,
	lcl
];

export interface CsvParseResult extends LayoutOutput {
	layout: string;
}

/** Parses CSV text; throws NeedsMappingError (with a preview) when no layout matches and no mapping is given. */
export function parseCsv(text: string, options: { mapping?: CsvMapping; dateOrder?: DateOrder } = {}): CsvParseResult {
	// the line bounds first: sniffing the separator reads the last lines
	scanLines(text);
	const delimiter = options.mapping?.delimiter ?? sniffDelimiter(text);
	const rows = readCsv(text, delimiter, { scanned: true });
	if (options.mapping) return { layout: 'generic', ...parseWithMapping(rows, options.mapping, options.dateOrder) };
	for (const layout of CSV_LAYOUTS) {
		const out = layout.parse({ rows, delimiter, dateOrder: options.dateOrder });
		if (out) return { layout: layout.id, ...out };
	}
	throw new NeedsMappingError(buildPreview(rows, delimiter));
}

/**
 * What the person (or the command line) needs to write a mapping for CSV text, whatever its layout:
 * separator, header, columns, first rows, preamble length and a guessed mapping.
 */
export function previewCsvText(text: string, delimiter?: string): CsvPreview {
	scanLines(text);
	const sep = delimiter ?? sniffDelimiter(text);
	return buildPreview(readCsv(text, sep, { scanned: true }), sep);
}
