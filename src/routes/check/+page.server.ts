import { fail } from '@sveltejs/kit';
import { today } from '$lib/dates';
import { parseMoneyString } from '$lib/money';
import { requireRole } from '$lib/server/auth/guards';
import { nonRecoursSummary } from '$lib/server/benefits';
import { countCheck } from '$lib/server/services/benefits-service';
import { CHECK_ROLES, runQuickCheck } from '$lib/server/services/quick-check';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, ...CHECK_ROLES);
	const db = event.locals.db;
	const actor = event.locals.actor!;
	const stats = await db
		.selectFrom('check_stat')
		.select([
			(eb) => eb.fn.sum<number>('checks').as('checks'),
			(eb) => eb.fn.sum<number>('benefits_found').as('found'),
			(eb) => eb.fn.sum<number>('yearly_amount').as('yearly')
		])
		.where('organisation_id', '=', actor.organisationId)
		.where('day', '>=', `${today().slice(0, 4)}-01-01`)
		.executeTakeFirst();
	return {
		stats: { checks: Number(stats?.checks ?? 0), found: Number(stats?.found ?? 0), yearly: Number(stats?.yearly ?? 0) }
	};
};

export const actions: Actions = {
	/** Evaluates the answers; nothing about the person is stored, only an anonymous count for the organisation. */
	default: async (event) => {
		const actor = requireRole(event, ...CHECK_ROLES);
		const form = await event.request.formData();
		const month = today().slice(0, 7);
		const { values, errors, result } = await runQuickCheck(event.locals.db, form, month);
		if (!result) return fail(400, { values, errors });
		const summary = nonRecoursSummary(result);
		await countCheck(event.locals.db, actor.organisationId, result, parseMoneyString(summary.totalYearly));
		return { values, errors: {} as Record<string, string>, result, summary };
	}
};
