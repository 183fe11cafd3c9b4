/**
 * Messages between parse-worker.ts and its worker thread, and how parser errors cross the thread
 * boundary (structured clone keeps no class): an ImportError and its subclasses are rebuilt on arrival
 * with their line, preview or date candidates.
 */
import { ImportError, NeedsDateOrderError, NeedsMappingError } from './errors';
import type { CsvPreview, DateOrder, ParsedStatement, ParseOptions } from './types';

export interface ParseRequest {
	id: number;
	bytes: Uint8Array;
	options: ParseOptions;
}

export interface SerialisedError {
	name: string;
	message: string;
	line: number | null;
	preview?: CsvPreview;
	candidates?: DateOrder[];
	samples?: string[];
}

export type ParseReply =
	{ id: number; ok: true; statement: ParsedStatement } | { id: number; ok: false; error: SerialisedError };

/** An error thrown by parseStatement, as plain data. */
export function serialiseError(e: unknown): SerialisedError {
	if (e instanceof NeedsMappingError) return { name: e.name, message: e.message, line: e.line, preview: e.preview };
	if (e instanceof NeedsDateOrderError)
		return { name: e.name, message: e.message, line: e.line, candidates: e.candidates, samples: e.samples };
	if (e instanceof ImportError) return { name: e.name, message: e.message, line: e.line };
	return { name: 'Error', message: e instanceof Error ? e.message : String(e), line: null };
}

/** The error parseStatement threw in the worker, as the same class in this thread. */
export function reviveError(e: SerialisedError): ImportError {
	if (e.name === 'NeedsMappingError' && e.preview) return new NeedsMappingError(e.preview);
	if (e.name === 'NeedsDateOrderError' && e.candidates && e.samples)
		return new NeedsDateOrderError(e.candidates, e.samples, e.line);
	if (e.name === 'ImportError') return new ImportError(e.message, e.line);
	return new ImportError(
		`Ce fichier n'a pas pu être lu (${e.message}). Vérifiez qu'il s'agit bien d'un relevé CSV, OFX, QIF ou camt.053.`
	);
}
