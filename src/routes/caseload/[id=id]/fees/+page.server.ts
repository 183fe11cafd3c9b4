import { fail } from '@sveltejs/kit';
import { requireHousehold } from '$lib/server/auth/guards';
import { InputError } from '$lib/server/services/errors';
import { feesPage } from '$lib/server/services/fee-letter';
import { checkFeeOptions, saveLetter, type FeeOptions } from '$lib/server/services/fees-service';
import type { Actions, PageServerLoad } from './$types';

/** The options of the query string; a badly written month is dropped and named in `errors`. */
function options(url: URL): { options: FeeOptions; errors: Record<string, string> } {
	const o: FeeOptions = {
		from: url.searchParams.get('from') || undefined,
		to: url.searchParams.get('to') || undefined,
		ocf: url.searchParams.has('ocf'),
		fragile: url.searchParams.has('fragile')
	};
	try {
		return { options: checkFeeOptions(o), errors: {} };
	} catch (e) {
		if (!(e instanceof InputError)) throw e;
		return { options: { ...o, from: undefined, to: undefined }, errors: { [e.field ?? 'from']: e.message } };
	}
}

export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event, 'read');
	const { options: o, errors } = options(event.url);
	const page = await feesPage(event.locals.db, scope, o);
	return {
		...page,
		optionErrors: errors,
		query: { from: event.url.searchParams.get('from') ?? '', to: event.url.searchParams.get('to') ?? '' }
	};
};

export const actions: Actions = {
	save: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const body = String(form.get('body') ?? '');
		try {
			const id = await saveLetter(event.locals.db, scope, 'fee_claim', body);
			return { saved: id, body };
		} catch (e) {
			if (e instanceof InputError) return fail(400, { body, errors: { [e.field ?? 'body']: e.message } });
			throw e;
		}
	}
};
