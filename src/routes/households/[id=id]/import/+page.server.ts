import { fail } from '@sveltejs/kit';
import { randomBytes } from 'node:crypto';
import { requireHousehold } from '$lib/server/auth/guards';
import type { CsvMapping, DateOrder } from '$lib/server/import';
import { ImportError } from '$lib/server/import';
import { importWithSavedMapping, undoImport, type FileImportResult } from '$lib/server/services/import-service';
import type { Db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

const PENDING_TTL_MS = 3_600_000;

/** How a waiting file is to be imported: chosen account, column mapping, date order. */
interface PendingOptions {
	accountId: number | null;
	accountName: string | null;
	mapping?: CsvMapping;
	dateOrder?: DateOrder;
}

export interface Staged {
	token: string;
	result: FileImportResult;
}

export const load: PageServerLoad = async (event) => {
	const { householdId } = await requireHousehold(event);
	const db = event.locals.db;
	const [accounts, batches] = await Promise.all([
		db
			.selectFrom('bank_account')
			.select(['id', 'name', 'csv_mapping'])
			.where('household_id', '=', householdId)
			.orderBy('name')
			.execute(),
		db
			.selectFrom('import_batch')
			.select(['id', 'file_name', 'format', 'layout', 'imported_count', 'duplicate_count', 'created_at'])
			.where('household_id', '=', householdId)
			.orderBy('created_at', 'desc')
			.orderBy('id', 'desc')
			.limit(20)
			.execute()
	]);
	return {
		accounts: accounts.map((a) => ({ id: a.id, name: a.name })),
		batches,
		maxMb: Math.floor(event.locals.config.importMaxBytes / 1048576)
	};
};

function columnIndex(form: FormData, name: string): number | undefined {
	const v = form.get(name);
	if (typeof v !== 'string' || v === '') return undefined;
	const n = Number(v);
	return Number.isInteger(n) && n >= 0 && n < 200 ? n : undefined;
}

async function pendingFile(db: Db, token: string, householdId: number, userId: number) {
	return db
		.selectFrom('pending_import')
		.selectAll()
		.where('id', '=', token)
		.where('household_id', '=', householdId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
}

/** Runs the import of a waiting file, as a preview (nothing written) or for real. */
async function runPending(
	db: Db,
	maxBytes: number,
	actor: { id: number; organisationId: number },
	householdId: number,
	row: { file_name: string; content: Uint8Array; options: string | null },
	dryRun: boolean
): Promise<FileImportResult> {
	const options = JSON.parse(row.options ?? '{}') as PendingOptions;
	return importWithSavedMapping(db, {
		organisationId: actor.organisationId,
		householdId,
		userId: actor.id,
		fileName: row.file_name,
		bytes: new Uint8Array(row.content),
		accountId: options.accountId,
		accountName: options.accountName,
		mapping: options.mapping,
		dateOrder: options.dateOrder,
		dryRun,
		maxBytes
	});
}

export const actions: Actions = {
	/** Stores the chosen files for an hour and shows what would be imported; nothing is imported yet. */
	preview: async (event) => {
		const { actor, householdId } = await requireHousehold(event);
		const db = event.locals.db;
		const form = await event.request.formData();
		const files = form.getAll('file').filter((f): f is File => f instanceof File && f.size > 0);
		if (files.length === 0)
			return fail(400, { errors: { file: 'Choisissez au moins un fichier de relevé.' } as Record<string, string> });
		const maxBytes = event.locals.config.importMaxBytes;
		const tooBig = files.find((f) => f.size > maxBytes);
		if (tooBig)
			return fail(400, {
				errors: {
					file: `« ${tooBig.name} » est trop volumineux (${Math.floor(maxBytes / 1048576)} Mo au plus). Exportez une période plus courte.`
				} as Record<string, string>
			});
		const choice = String(form.get('account') ?? 'auto');
		const options: PendingOptions = {
			accountId: /^\d+$/.test(choice) ? Number(choice) : null,
			accountName: /^\d+$/.test(choice) ? null : String(form.get('accountName') ?? '').trim() || null
		};
		await db
			.deleteFrom('pending_import')
			.where('created_at', '<', new Date(Date.now() - PENDING_TTL_MS).toISOString())
			.execute();
		const staged: Staged[] = [];
		for (const file of files) {
			const token = randomBytes(18).toString('base64url');
			const row = {
				file_name: file.name.slice(0, 255),
				content: new Uint8Array(await file.arrayBuffer()),
				options: JSON.stringify(options)
			};
			await db
				.insertInto('pending_import')
				.values({
					id: token,
					organisation_id: actor.organisationId,
					household_id: householdId,
					user_id: actor.id,
					...row,
					created_at: new Date().toISOString()
				})
				.execute();
			staged.push({
				token,
				result: await runPending(db, event.locals.config.importMaxBytes, actor, householdId, row, true)
			});
		}
		return { staged };
	},
	/** Re-reads a waiting file with the column mapping or date order the person chose. */
	map: async (event) => {
		const { actor, householdId } = await requireHousehold(event);
		const db = event.locals.db;
		const form = await event.request.formData();
		const token = String(form.get('token') ?? '');
		const row = await pendingFile(db, token, householdId, actor.id);
		if (!row)
			return fail(400, {
				errors: { file: 'Ce fichier n’est plus en attente : choisissez-le de nouveau.' } as Record<string, string>
			});
		const options = JSON.parse(row.options ?? '{}') as PendingOptions;
		const dateOrder = (['dmy', 'mdy', 'ymd'] as const).find((o) => o === form.get('dateOrder'));
		options.dateOrder = dateOrder;
		const dateColumn = columnIndex(form, 'dateColumn');
		if (dateColumn !== undefined) {
			const labelColumns = form
				.getAll('labelColumns')
				.map(String)
				.filter((v) => /^\d+$/.test(v))
				.map(Number);
			const mapping: CsvMapping = {
				dateColumn,
				labelColumns,
				amountColumn: columnIndex(form, 'amountColumn'),
				debitColumn: columnIndex(form, 'debitColumn'),
				creditColumn: columnIndex(form, 'creditColumn'),
				hasHeader: form.get('hasHeader') === 'on',
				skipRows: columnIndex(form, 'skipRows') ?? 0,
				dateOrder,
				decimal: form.get('decimal') === '.' ? '.' : form.get('decimal') === ',' ? ',' : undefined
			};
			const errors: Record<string, string> = {};
			if (labelColumns.length === 0) errors.labelColumns = 'Choisissez au moins une colonne de libellé.';
			if (
				mapping.amountColumn === undefined &&
				(mapping.debitColumn === undefined || mapping.creditColumn === undefined)
			)
				errors.amountColumn = 'Choisissez la colonne du montant, ou les deux colonnes débit et crédit.';
			if (Object.keys(errors).length) return fail(400, { errors });
			options.mapping = mapping;
		}
		await db
			.updateTable('pending_import')
			.set({ options: JSON.stringify(options) })
			.where('id', '=', token)
			.execute();
		const result = await runPending(
			db,
			event.locals.config.importMaxBytes,
			actor,
			householdId,
			{ ...row, options: JSON.stringify(options) },
			true
		);
		return { staged: [{ token, result }] as Staged[] };
	},
	/** Imports the previewed files for real, each all-or-nothing. */
	confirm: async (event) => {
		const { actor, householdId } = await requireHousehold(event);
		const db = event.locals.db;
		const form = await event.request.formData();
		const tokens = form.getAll('token').map(String);
		const results: FileImportResult[] = [];
		for (const token of tokens) {
			const row = await pendingFile(db, token, householdId, actor.id);
			if (!row) continue;
			const result = await runPending(db, event.locals.config.importMaxBytes, actor, householdId, row, false);
			results.push(result);
			if (result.status !== 'rejected') {
				await db.deleteFrom('pending_import').where('id', '=', token).execute();
				const options = JSON.parse(row.options ?? '{}') as PendingOptions;
				if (options.mapping) {
					for (const a of result.accounts) {
						if (a.accountId)
							await db
								.updateTable('bank_account')
								.set({ csv_mapping: JSON.stringify(options.mapping) })
								.where('id', '=', a.accountId)
								.execute();
					}
				}
			}
		}
		if (results.length === 0)
			return fail(400, {
				errors: { file: 'Ces fichiers ne sont plus en attente : choisissez-les de nouveau.' } as Record<string, string>
			});
		return { imported: results };
	},
	undo: async (event) => {
		const { actor, householdId } = await requireHousehold(event);
		const form = await event.request.formData();
		try {
			const removed = await undoImport(event.locals.db, actor, householdId, Number(form.get('batch')));
			return { undone: removed };
		} catch (e) {
			if (e instanceof ImportError) return fail(404, { errors: { batch: e.message } as Record<string, string> });
			throw e;
		}
	}
};
