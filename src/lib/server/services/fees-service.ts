/**
 * The fee-cap check of a household (fees/check.ts over its transactions), the letter to the bank that
 * claims what was charged above the caps, and the letters kept in the household's file.
 */
import { addMonthsIso, type IsoMonth } from '$lib/dates';
import type { Db } from '../db';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { checkFees, type FeeCheck } from '../fees/check';
import { readByFeeLines, type FeeTx } from '../fees/lines';
import { listAccounts, type AccountOption } from './accounts';
import { auditScope } from './audit';
import { InputError, NotFoundError } from './errors';
import { householdHeader } from './households';

export interface FeeOptions {
	from?: IsoMonth;
	to?: IsoMonth;
	ocf?: boolean;
	fragile?: boolean;
}

export interface FeesView {
	household: { id: number; name: string };
	accounts: AccountOption[];
	options: FeeOptions;
	check: FeeCheck;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Checks the months of the options ("YYYY-MM", from ≤ to); throws InputError naming the field. */
export function checkFeeOptions(o: FeeOptions): FeeOptions {
	for (const field of ['from', 'to'] as const) {
		const v = o[field];
		if (v !== undefined && !MONTH.test(v))
			throw new InputError(
				`Le mois ${field === 'from' ? 'de début' : 'de fin'} doit s’écrire AAAA-MM, reçu « ${v} ».`,
				field
			);
	}
	if (o.from && o.to && o.from > o.to) throw new InputError('Le mois de début doit précéder le mois de fin.', 'from');
	return o;
}

/** Rows read per query when the fee check reads a household's history. */
const FEE_PAGE = 5000;

/**
 * The household's transactions the fee check reads (id, day, amount, label: nothing else), and of those only
 * the fee lines and rejected debits (readByFeeLines: the check ignores every other row). The history is read
 * a page of `pageRows` rows at a time, in date order, so that its years of rows are never held at once.
 */
export async function feeTransactions(
	db: Db,
	scope: HouseholdScope,
	o: FeeOptions,
	pageRows = FEE_PAGE
): Promise<FeeTx[]> {
	// Fees of a month post up to the next one; the yearly cap counts the whole calendar year.
	const loadFrom = o.from ? `${addMonthsIso(`${o.from.slice(0, 4)}-01`, -1)}-01` : undefined;
	const loadTo = o.to ? `${addMonthsIso(o.to, 2)}-31` : undefined;
	const out: FeeTx[] = [];
	let after: { date: string; id: number } | null = null;
	for (;;) {
		let q = db
			.selectFrom('bank_transaction')
			.select(['id', 'booking_date', 'amount', 'raw_label'])
			.where('household_id', '=', scope.householdId);
		if (loadFrom) q = q.where('booking_date', '>=', loadFrom);
		if (loadTo) q = q.where('booking_date', '<=', loadTo);
		if (after) {
			const { date, id } = after;
			q = q.where('booking_date', '>=', date).where((eb) => eb.or([eb('booking_date', '>', date), eb('id', '>', id)]));
		}
		const rows = await q.orderBy('booking_date').orderBy('id').limit(pageRows).execute();
		for (const r of rows) {
			const t = { id: r.id, date: r.booking_date, amount: r.amount, label: r.raw_label };
			if (readByFeeLines(t)) out.push(t);
		}
		if (rows.length < pageRows) return out;
		const last = rows[rows.length - 1];
		after = { date: last.booking_date, id: last.id };
	}
}

/** The household's incident fees month by month against the caps, with what can be reclaimed. */
export async function householdFees(db: Db, scope: HouseholdScope, options: FeeOptions = {}): Promise<FeesView> {
	requirePermission(scope, 'read');
	const o = checkFeeOptions(options);
	const [household, accounts, txs] = await Promise.all([
		householdHeader(db, scope),
		listAccounts(db, scope),
		feeTransactions(db, scope, o)
	]);
	return { household, accounts, options: o, check: checkFees(txs, o) };
}

/**
 * The fee checks of the household under several statuses over the same months (the plan compares the
 * standard or fragile caps with the OSCF ones): the transactions are read once for all of them.
 */
export async function householdFeeChecks(
	db: Db,
	scope: HouseholdScope,
	period: Pick<FeeOptions, 'from' | 'to'>,
	statuses: Pick<FeeOptions, 'ocf' | 'fragile'>[]
): Promise<FeeCheck[]> {
	requirePermission(scope, 'read');
	const p = checkFeeOptions({ from: period.from, to: period.to });
	const txs = await feeTransactions(db, scope, p);
	return statuses.map((status) => checkFees(txs, { ...p, ...status }));
}

export const LETTER_KINDS = { fee_claim: 'Réclamation de frais bancaires' } as const;
export type LetterKind = keyof typeof LETTER_KINDS;
export const LETTER_MAX_LENGTH = 20_000;

export interface LetterRow {
	id: number;
	kind: LetterKind;
	title: string;
	body: string;
	createdAt: string;
	author: string | null;
}

/** Keeps a letter (as edited) in the household's file; returns its id. */
export async function saveLetter(
	db: Db,
	scope: HouseholdScope,
	kind: LetterKind,
	body: string,
	now = new Date()
): Promise<number> {
	requirePermission(scope, 'write');
	const text = body.replace(/\r\n/g, '\n').trim();
	if (text === '') throw new InputError('Le texte de la lettre est vide.', 'body');
	if (text.length > LETTER_MAX_LENGTH)
		throw new InputError(`La lettre dépasse ${LETTER_MAX_LENGTH.toLocaleString('fr-FR')} caractères.`, 'body');
	if (!(kind in LETTER_KINDS)) throw new InputError('Type de lettre inconnu.', 'kind');
	const row = await db
		.insertInto('household_letter')
		.values({
			organisation_id: scope.organisationId,
			household_id: scope.householdId,
			kind,
			body: text,
			created_by: scope.actor.id,
			created_at: now.toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await auditScope(
		db,
		scope,
		{ action: 'letter.save', targetType: 'household_letter', targetId: row.id, details: { kind } },
		now
	);
	return row.id;
}

function letterQuery(db: Db, scope: HouseholdScope) {
	return db
		.selectFrom('household_letter as l')
		.leftJoin('app_user as u', 'u.id', 'l.created_by')
		.select(['l.id', 'l.kind', 'l.body', 'l.created_at', 'u.name as author'])
		.where('l.household_id', '=', scope.householdId)
		.where('l.organisation_id', '=', scope.organisationId);
}

const toRow = (r: {
	id: number;
	kind: string;
	body: string;
	created_at: string;
	author: string | null;
}): LetterRow => ({
	id: r.id,
	kind: r.kind as LetterKind,
	title: LETTER_KINDS[r.kind as LetterKind] ?? r.kind,
	body: r.body,
	createdAt: r.created_at,
	author: r.author
});

/** The household's letters, newest first. */
export async function listLetters(db: Db, scope: HouseholdScope): Promise<LetterRow[]> {
	requirePermission(scope, 'read');
	const rows = await letterQuery(db, scope).orderBy('l.created_at', 'desc').orderBy('l.id', 'desc').execute();
	return rows.map(toRow);
}

/** One letter of the household (NotFoundError for another household's). */
export async function letterById(db: Db, scope: HouseholdScope, id: number): Promise<LetterRow> {
	requirePermission(scope, 'read');
	const row = Number.isSafeInteger(id)
		? await letterQuery(db, scope).where('l.id', '=', id).executeTakeFirst()
		: undefined;
	if (!row) throw new NotFoundError('Lettre introuvable.');
	return toRow(row);
}
