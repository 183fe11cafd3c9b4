import { fail } from '@sveltejs/kit';
import { isIsoDate } from '$lib/dates';
import { parseWhatIf } from '$lib/what-if';
import { MoneyParseError, parseAmount } from '$lib/money';
import { requireHousehold } from '$lib/server/auth/guards';
import type { Cadence } from '$lib/server/projection/types';
import { listAccounts } from '$lib/server/services/accounts';
import { InputError } from '$lib/server/services/errors';
import {
	addPlannedItem,
	deletePlannedItem,
	householdForecast,
	saveSeriesOverride,
	setManualBalance
} from '$lib/server/services/forecast-service';
import type { Actions, PageServerLoad } from './$types';

const CADENCES: Cadence[] = ['weekly', 'biweekly', 'monthly', 'bimonthly', 'quarterly', 'semiannual', 'annual'];

export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event);
	const days = Math.min(365, Math.max(30, Number(event.url.searchParams.get('days')) || 90));
	const { whatIf, active, errors, canonical } = parseWhatIf(event.url.searchParams);
	const [forecast, accounts] = await Promise.all([
		householdForecast(event.locals.db, scope, { days, whatIf }),
		listAccounts(event.locals.db, scope)
	]);
	return {
		forecast,
		days,
		whatIfActive: active,
		whatIf: { ...whatIf, errors, canonical },
		typed: {
			date: event.url.searchParams.get('si_date') ?? '',
			label: event.url.searchParams.get('si_label') ?? '',
			amount: event.url.searchParams.get('si_amount') ?? ''
		},
		accounts: accounts.map((a) => ({ id: a.id, name: a.name }))
	};
};

function money(form: FormData, name: string, label: string): number {
	const raw = String(form.get(name) ?? '').trim();
	try {
		return parseAmount(raw);
	} catch (e) {
		if (e instanceof MoneyParseError)
			throw new InputError(`${label} : montant illisible « ${raw} » (exemple : -45,20).`, name);
		throw e;
	}
}

export const actions: Actions = {
	series: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const key = String(form.get('key') ?? '');
		const status = String(form.get('status') ?? '');
		if (!key || !['confirmed', 'dismissed', 'edited'].includes(status)) return fail(400, { error: 'Choix inconnu.' });
		try {
			const amount = status === 'edited' && form.get('amount') ? money(form, 'amount', 'Montant') : undefined;
			const day = status === 'edited' && form.get('day') ? Number(form.get('day')) : undefined;
			await saveSeriesOverride(event.locals.db, scope, {
				key,
				status: status as 'confirmed' | 'dismissed' | 'edited',
				amount,
				dayOfMonth: day
			});
			return { saved: 'series' };
		} catch (e) {
			if (e instanceof InputError) return fail(400, { error: e.message });
			throw e;
		}
	},
	plan: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		const date = String(form.get('date') ?? '');
		const label = String(form.get('label') ?? '').trim();
		const cadence = String(form.get('cadence') ?? '');
		const until = String(form.get('until') ?? '');
		try {
			if (!isIsoDate(date)) throw new InputError('Date : choisissez une date.', 'date');
			if (label.length < 2) throw new InputError('Libellé : quelques mots pour reconnaître l’opération.', 'label');
			const amount = money(form, 'amount', 'Montant');
			await addPlannedItem(event.locals.db, scope, {
				date,
				label: label.slice(0, 120),
				amount,
				cadence: CADENCES.includes(cadence as Cadence) ? (cadence as Cadence) : null,
				until: isIsoDate(until) ? until : null
			});
			return { saved: 'plan' };
		} catch (e) {
			if (e instanceof InputError) return fail(400, { error: e.message, field: e.field });
			throw e;
		}
	},
	unplan: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		await deletePlannedItem(event.locals.db, scope, Number(form.get('id')));
		return { saved: 'unplan' };
	},
	balance: async (event) => {
		const scope = requireHousehold(event, 'write');
		const form = await event.request.formData();
		try {
			const date = String(form.get('date') ?? '');
			if (!isIsoDate(date)) throw new InputError('Date : choisissez une date.', 'date');
			await setManualBalance(event.locals.db, scope, Number(form.get('account')), date, money(form, 'amount', 'Solde'));
			return { saved: 'balance' };
		} catch (e) {
			if (e instanceof InputError) return fail(400, { error: e.message, field: e.field });
			throw e;
		}
	}
};
