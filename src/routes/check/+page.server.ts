import { fail } from '@sveltejs/kit';
import { today } from '$lib/dates';
import { parseMoneyString } from '$lib/money';
import { requireRole } from '$lib/server/auth/guards';
import { nonRecoursSummary } from '$lib/server/benefits';
import { checkStatsThisYear, countCheck } from '$lib/server/services/benefits-service';
import { CHECK_ROLES, runQuickCheck } from '$lib/server/services/quick-check';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, ...CHECK_ROLES);
	return { stats: await checkStatsThisYear(event.locals.db, actor.organisationId) };
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
