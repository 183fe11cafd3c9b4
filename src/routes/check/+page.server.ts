import { fail } from '@sveltejs/kit';
import { today } from '$lib/dates';
import { parseMoneyString } from '$lib/money';
import { requireRole } from '$lib/server/auth/guards';
import { nonRecoursSummary } from '$lib/server/benefits';
import { checkStatsThisYear, countCheck } from '$lib/server/services/benefits-service';
import { CHECK_ROLES, runQuickCheck } from '$lib/server/services/quick-check';
import { profileFromForm } from '$lib/server/services/profile-form';
import { QUESTION_STEPS, stepOfField } from '$lib/question-steps';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, ...CHECK_ROLES);
	return { stats: await checkStatsThisYear(event.locals.db, actor.organisationId) };
};

export const actions: Actions = {
	/**
	 * One step of the questions (`from` the step answered, `to` the one asked), or, with `to=result`, the
	 * evaluation; nothing about the person is stored, only an anonymous count for the organisation.
	 */
	default: async (event) => {
		const actor = requireRole(event, ...CHECK_ROLES);
		const form = await event.request.formData();
		const month = today().slice(0, 7);
		const to = Number(form.get('to'));
		if (Number.isInteger(to) && to >= 1 && to <= QUESTION_STEPS.length) {
			const from = Number(form.get('from'));
			const q = profileFromForm(form, month);
			// going back asks nothing; going on checks the answers of the step left
			const errors = Object.fromEntries(Object.entries(q.errors).filter(([k]) => to > from && stepOfField(k) === from));
			if (Object.keys(errors).length) return fail(400, { values: q.values, errors, step: from });
			return { values: q.values, errors: {} as Record<string, string>, step: to };
		}
		const { values, errors, result } = await runQuickCheck(event.locals.db, form, month);
		if (!result) {
			const first = Math.min(...Object.keys(errors).map(stepOfField));
			return fail(400, { values, errors, step: first });
		}
		const summary = nonRecoursSummary(result);
		await countCheck(event.locals.db, actor.organisationId, result, parseMoneyString(summary.totalYearly));
		return { values, errors: {} as Record<string, string>, result, summary };
	}
};
