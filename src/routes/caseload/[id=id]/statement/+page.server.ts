import { fail } from '@sveltejs/kit';
import { requireHousehold } from '$lib/server/auth/guards';
import { InputError } from '$lib/server/services/errors';
import { clearLineEdit, householdStatement, saveLineEdit } from '$lib/server/services/statement-service';
import { MoneyParseError, parseAmount } from '$lib/money';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event, 'write');
	return { view: await householdStatement(event.locals.db, scope) };
};

export const actions: Actions = {
	edit: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const key = String(form.get('key') ?? '');
		const raw = String(form.get('amount') ?? '').trim();
		const note = String(form.get('note') ?? '');
		let amount: number;
		try {
			amount = parseAmount(raw);
		} catch (e) {
			if (!(e instanceof MoneyParseError)) throw e;
			return fail(400, { key, errors: { amount: 'Montant mensuel : montant illisible (exemple : 1 234,56).' } });
		}
		try {
			await saveLineEdit(event.locals.db, scope, { key, amount, note });
		} catch (e) {
			if (e instanceof InputError) return fail(400, { key, errors: { [e.field ?? 'amount']: e.message } });
			throw e;
		}
		return { done: 'Le montant corrigé est enregistré ; la ligne l’indique sur le relevé.' };
	},
	clear: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		await clearLineEdit(event.locals.db, scope, String(form.get('key') ?? ''));
		return { done: 'La ligne reprend le montant des relevés.' };
	}
};
