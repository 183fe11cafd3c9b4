/**
 * Import, step 1 and 2: parse the file (pure engine) and plan what importing it would do — the accounts it
 * fills or creates, the rows already stored, the probable duplicates, the balances to store — with reads
 * only. A preview is a plan; nothing is written and no write lock is taken.
 */
import { createHash } from 'node:crypto';
import { centsToString, formatEur } from '$lib/money';
import { formatDateFr } from '$lib/dates';
import type { Db } from '../../db';
import { requirePermission, type HouseholdScope } from '../../auth/access';
import {
	ImportError,
	NeedsDateOrderError,
	NeedsMappingError,
	parseStatement,
	reconcile,
	type ParsedAccount,
	type ParsedStatement,
	type ParsedTransaction
} from '../../import';
import { parseStatementOffThread } from '../../import/parse-worker';
import { accountRows, type AccountRow } from '../accounts';
import type { Categoriser } from '../categoriser';
import { findAccount, missingIdentifiers, newAccountName, type AccountChoice } from './accounts';
import {
	accountKeys,
	conflictingBalances,
	knownKeys,
	probableDuplicates,
	storedBalanceRows,
	statedBalances
} from './lookups';
import type { ImportPlan, ImportRequest, ImportTimings, PlannedAccount, RejectedFile } from './types';

export interface PlanOptions {
	/**
	 * false: the plan is made for a commit, which looks the rows up itself inside its transaction; the plan
	 * then holds no dedupe keys, no new rows, no probable duplicates and no sample (default true: a preview)
	 */
	lookups?: boolean;
}

/** The file does not say which account it is and the household has accounts: the person must choose. */
export class NeedsAccountChoice extends ImportError {
	constructor() {
		super(
			'Ce fichier ne dit pas de quel compte il s’agit : choisissez le compte à remplir, ou donnez un nom au nouveau compte.',
			null
		);
	}
}

export function rejection(fileName: string, e: ImportError): RejectedFile {
	const error = e.line != null ? { message: e.message, line: e.line } : { message: e.message };
	if (e instanceof NeedsMappingError)
		return { file: fileName, status: 'rejected', error, needs: { mapping: e.preview } };
	if (e instanceof NeedsDateOrderError)
		return { file: fileName, status: 'rejected', error, needs: { dateOrder: true } };
	if (e instanceof NeedsAccountChoice) return { file: fileName, status: 'rejected', error, needs: { account: true } };
	return { file: fileName, status: 'rejected', error };
}

/** Parses the request's bytes; a file that cannot be read comes back as a rejection, never a throw. */
export async function parseRequest(req: ImportRequest): Promise<ParsedStatement | RejectedFile> {
	const options = {
		fileName: req.fileName,
		format: req.format,
		mapping: req.mapping,
		dateOrder: req.dateOrder,
		maxBytes: req.maxBytes
	};
	try {
		return req.offThread
			? await parseStatementOffThread(req.bytes, options, { timeoutMs: req.offThread.timeoutMs })
			: parseStatement(req.bytes, options);
	} catch (e) {
		if (e instanceof ImportError) return rejection(req.fileName, e);
		throw e;
	}
}

/** The earliest and latest booking dates of the transactions at `indexes` (all of them when not given). */
export function bookingDateRange(txs: ParsedTransaction[], indexes?: number[]): [string, string] | [null, null] {
	const n = indexes ? indexes.length : txs.length;
	if (n === 0) return [null, null];
	let min = txs[indexes ? indexes[0] : 0].bookingDate;
	let max = min;
	for (let k = 1; k < n; k++) {
		const d = txs[indexes ? indexes[k] : k].bookingDate;
		if (d < min) min = d;
		if (d > max) max = d;
	}
	return [min, max];
}

async function planAccount(
	db: Db,
	scope: HouseholdScope,
	accounts: AccountRow[],
	choice: AccountChoice,
	parsed: ParsedAccount,
	categorise: Categoriser,
	lookups: boolean
): Promise<PlannedAccount> {
	// Rows of a file that names no account never go silently into an account of another bank.
	if (parsed.identified === false && !choice.accountId && !choice.accountName?.trim() && accounts.length > 0)
		throw new NeedsAccountChoice();
	const found = findAccount(accounts, choice, parsed);
	if (choice.accountId && !found) throw new ImportError('Ce compte n’appartient pas à ce ménage.', null);
	const txs = parsed.transactions;
	// A plan made for a commit looks nothing up: the commit looks the rows up itself, chunk by chunk, inside
	// its transaction (what the plan read could be stale by then anyway).
	const lookUp = found !== null && lookups;
	const keys = lookUp ? accountKeys(found.id, txs) : null;
	const known = lookUp && keys ? await knownKeys(db, found.id, keys) : new Set<string>();
	const fresh: number[] = [];
	if (lookups) for (let i = 0; i < txs.length; i++) if (!keys || !known.has(keys[i])) fresh.push(i);
	const probable = lookUp ? await probableDuplicates(db, scope, found.id, txs, fresh) : [];
	const { all, closing } = statedBalances(parsed);
	const storedRows = found ? await storedBalanceRows(db, found.id) : [];
	const have = new Set(storedRows.map((b) => `${b.date}|${b.amount}`));
	const warnings = conflictingBalances(all, storedRows).map(
		(c) =>
			`Le solde indiqué au ${formatDateFr(c.date)} (${formatEur(c.stated)}) diffère de celui déjà connu pour « ${found!.name} » (${formatEur(c.known)}) : vérifiez que ce fichier est bien celui de ce compte.`
	);
	const accountId = found?.id ?? 0;
	const sample = fresh.slice(0, 8).map((i) => {
		const t = txs[i];
		const c = categorise({
			rawLabel: t.rawLabel,
			amount: t.amount,
			date: t.bookingDate,
			accountId,
			filePayee: t.payee
		});
		return {
			date: t.bookingDate,
			amount: centsToString(t.amount),
			label: t.rawLabel,
			payee: c.payee ?? t.payee,
			category: c.category
		};
	});
	return {
		parsed,
		existing: found ? { id: found.id, name: found.name } : null,
		name: found ? found.name : newAccountName(choice, parsed, accounts.length),
		requestedName: choice.accountName?.trim() || null,
		fillIdentifiers: found ? missingIdentifiers(found, parsed) : null,
		keys,
		fresh,
		probableDuplicates: probable,
		balances: all.filter((b) => !have.has(`${b.date}|${b.amount}`)),
		closing,
		reconciliation: reconcile(parsed.transactions, parsed.balances),
		warnings,
		sample
	};
}

/**
 * Plans the import of a parsed file into the household: reads only. The account the person picked or named
 * is for a file of one account; in a file of several, each account is recognised from its own number.
 */
export async function planParsed(
	db: Db,
	scope: HouseholdScope,
	req: ImportRequest,
	parsed: ParsedStatement,
	categorise: Categoriser,
	options: PlanOptions = {}
): Promise<ImportPlan> {
	requirePermission(scope, 'write');
	const warnings = [...parsed.warnings];
	let choice: AccountChoice = { accountId: req.accountId, accountName: req.accountName };
	if (parsed.accounts.length > 1 && (req.accountId || req.accountName?.trim())) {
		choice = {};
		warnings.push(
			`Ce fichier contient ${parsed.accounts.length} comptes : chacun est rempli d’après son numéro lu dans le fichier, pas dans le compte choisi.`
		);
	}
	const accounts = await accountRows(db, scope);
	const planned: PlannedAccount[] = [];
	for (const account of parsed.accounts)
		planned.push(await planAccount(db, scope, accounts, choice, account, categorise, options.lookups !== false));
	for (const a of planned) warnings.push(...a.warnings);
	return {
		fileName: req.fileName,
		sha256: createHash('sha256').update(req.bytes).digest('hex'),
		format: parsed.format,
		layout: parsed.layout,
		encoding: parsed.encoding,
		warnings,
		pendingSkipped: parsed.pendingSkipped,
		accounts: planned,
		mapping: req.mapping ?? null,
		saveMapping: Boolean(req.mapping && req.saveMapping)
	};
}

/** Parses and plans one file; a file that cannot be read comes back as a rejection. */
export async function planImport(
	db: Db,
	scope: HouseholdScope,
	req: ImportRequest,
	categorise: Categoriser,
	timings?: ImportTimings,
	options: PlanOptions = {}
): Promise<ImportPlan | RejectedFile> {
	requirePermission(scope, 'write');
	let mark = timings ? performance.now() : 0;
	const parsed = await parseRequest(req);
	if (timings) timings.parse = (timings.parse ?? 0) + performance.now() - mark;
	if ('status' in parsed) return parsed;
	mark = timings ? performance.now() : 0;
	try {
		const plan = await planParsed(db, scope, req, parsed, categorise, options);
		if (timings) timings.plan = (timings.plan ?? 0) + performance.now() - mark;
		return plan;
	} catch (e) {
		if (e instanceof ImportError) return rejection(req.fileName, e);
		throw e;
	}
}
