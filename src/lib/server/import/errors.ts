/**
 * Errors thrown by the statement parser. Every rejection is an ImportError with a French message and,
 * when one line is at fault, its 1-based line number; subclasses ask the person for more information.
 */
import type { CsvPreview, DateOrder } from './types';

export class ImportError extends Error {
	readonly line: number | null;
	constructor(message: string, line: number | null = null) {
		super(message);
		this.name = 'ImportError';
		this.line = line;
	}
}

/** The file stops before its end (download or copy cut short): it is refused as a whole. */
export function incompleteFileError(format: string, line: number): ImportError {
	return new ImportError(
		`Ce fichier ${format} est incomplet (coupé avant la fin, ligne ${line}) : téléchargez-le à nouveau.`,
		line
	);
}

/** The CSV layout is unknown: show the preview and ask which column holds what. */
export class NeedsMappingError extends ImportError {
	readonly preview: CsvPreview;
	constructor(preview: CsvPreview) {
		super(
			'Ce fichier CSV ne correspond à aucun format de banque connu : indiquez quelle colonne contient la date, le libellé et le montant.'
		);
		this.name = 'NeedsMappingError';
		this.preview = preview;
	}
}

/** Dates could be read day-first or month-first: ask the person which order the file uses. */
export class NeedsDateOrderError extends ImportError {
	readonly candidates: DateOrder[];
	readonly samples: string[];
	constructor(candidates: DateOrder[], samples: string[], line: number | null = null) {
		super(
			`Les dates de ce fichier (par ex. « ${samples.slice(0, 3).join(' », « ')} ») peuvent se lire jour/mois ou mois/jour : précisez l'ordre utilisé.`,
			line
		);
		this.name = 'NeedsDateOrderError';
		this.candidates = candidates;
		this.samples = samples;
	}
}
