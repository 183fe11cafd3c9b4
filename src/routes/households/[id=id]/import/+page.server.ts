import { fail, redirect } from '@sveltejs/kit';
import { requireHousehold } from '$lib/server/auth/guards';
import { ImportError, type CsvMapping, type DateOrder } from '$lib/server/import';
import { listAccounts } from '$lib/server/services/accounts';
import { layoutBankNames, recentImports, undoImport } from '$lib/server/services/import-service';
import { confirmStaged, restageFile, stageFiles, type Staged } from '$lib/server/services/import-staging';
import type { Actions, PageServerLoad } from './$types';

export type { Staged };

export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event);
	const db = event.locals.db;
	const [accounts, batches] = await Promise.all([listAccounts(db, scope), recentImports(db, scope)]);
	const toUndo = Number(event.url.searchParams.get('annuler'));
	return {
		accounts: accounts.map((a) => ({ id: a.id, name: a.name })),
		batches,
		/** the import the person asked to undo, waiting for the confirmation (`?annuler=ID`) */
		confirmUndo: batches.find((b) => b.id === toUndo) ?? null,
		bankNames: layoutBankNames(),
		maxMb: Math.floor(event.locals.config.importMaxBytes / 1048576)
	};
};

const fileError = (message: string) => fail(400, { errors: { file: message } as Record<string, string> });

function columnIndex(form: FormData, name: string): number | undefined {
	const v = form.get(name);
	if (typeof v !== 'string' || v === '') return undefined;
	const n = Number(v);
	return Number.isInteger(n) && n >= 0 && n < 200 ? n : undefined;
}

/** The column mapping chosen in the form, its errors, or nothing when the form maps no column. */
function mappingFromForm(
	form: FormData,
	dateOrder: DateOrder | undefined
): { mapping?: CsvMapping; errors?: Record<string, string> } {
	const dateColumn = columnIndex(form, 'dateColumn');
	if (dateColumn === undefined) return {};
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
	if (mapping.amountColumn === undefined && (mapping.debitColumn === undefined || mapping.creditColumn === undefined))
		errors.amountColumn = 'Choisissez la colonne du montant, ou les deux colonnes débit et crédit.';
	return Object.keys(errors).length ? { errors } : { mapping };
}

/** The account chosen in the form: an existing one by id, or a name for a new one (or none, to recognise it). */
function accountFromForm(form: FormData): { accountId: number | null; accountName: string | null } {
	const choice = String(form.get('account') ?? 'auto');
	const picked = /^\d+$/.test(choice);
	return {
		accountId: picked ? Number(choice) : null,
		accountName: picked ? null : String(form.get('accountName') ?? '').trim() || null
	};
}

export const actions: Actions = {
	/** Keeps the chosen files for an hour and shows what would be imported; nothing is imported yet. */
	preview: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const files = form.getAll('file').filter((f): f is File => f instanceof File && f.size > 0);
		if (files.length === 0) return fileError('Choisissez au moins un fichier de relevé.');
		const maxBytes = event.locals.config.importMaxBytes;
		const tooBig = files.find((f) => f.size > maxBytes);
		if (tooBig)
			return fileError(
				`« ${tooBig.name} » est trop volumineux (${Math.floor(maxBytes / 1048576)} Mo au plus). Exportez une période plus courte.`
			);
		const uploads = await Promise.all(
			files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))
		);
		const staged = await stageFiles(event.locals.db, scope, uploads, accountFromForm(form), event.locals.config);
		return { staged };
	},
	/** Re-reads a waiting file with the column mapping or date order the person chose. */
	map: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const dateOrder = (['dmy', 'mdy', 'ymd'] as const).find((o) => o === form.get('dateOrder'));
		const { mapping, errors } = mappingFromForm(form, dateOrder);
		if (errors) return fail(400, { errors });
		if (form.get('account') === 'new' && !String(form.get('accountName') ?? '').trim())
			return fail(400, { errors: { accountName: 'Donnez un nom au nouveau compte.' } as Record<string, string> });
		const staged = await restageFile(
			event.locals.db,
			scope,
			String(form.get('token') ?? ''),
			{ mapping, dateOrder, account: form.has('account') ? accountFromForm(form) : undefined },
			event.locals.config
		);
		if (!staged) return fileError('Ce fichier n’est plus en attente : choisissez-le de nouveau.');
		return { staged: [staged] };
	},
	/** Imports the previewed files for real, each all-or-nothing. */
	confirm: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const tokens = form.getAll('token').map(String);
		const imported = await confirmStaged(event.locals.db, scope, tokens, event.locals.config);
		if (!imported) return fileError('Ces fichiers ne sont plus en attente : choisissez-les de nouveau.');
		return { imported };
	},
	undo: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const batch = Number(form.get('batch'));
		// the confirmation step first, also without JavaScript
		if (form.get('confirm') !== 'yes')
			redirect(
				303,
				`/households/${scope.householdId}/import?annuler=${Number.isSafeInteger(batch) ? batch : 0}#confirmer`
			);
		try {
			return { undone: await undoImport(event.locals.db, scope, batch) };
		} catch (e) {
			if (e instanceof ImportError) return fail(404, { errors: { batch: e.message } as Record<string, string> });
			throw e;
		}
	}
};
