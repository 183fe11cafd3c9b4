import { error, fail } from '@sveltejs/kit';
import { today } from '$lib/dates';
import { requireRole } from '$lib/server/auth/guards';
import { BENEFIT_IDS, describeCondition, FORMULAS, PAYERS, type BenefitId } from '$lib/server/benefits';
import { definitionHistory, previewDefinition, publishDefinition } from '$lib/server/services/benefit-definitions';
import { loadParameters } from '$lib/server/services/benefits-service';
import { definitionFromForm } from '$lib/server/services/definition-form';
import { ForbiddenError, InputError } from '$lib/server/services/errors';
import { referenceProfiles } from '$lib/server/services/reference-profiles';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function benefitOf(event: { params: { benefit: string } }): BenefitId {
	const id = event.params.benefit as BenefitId;
	if (!BENEFIT_IDS.includes(id)) error(404, 'Prestation inconnue.');
	return id;
}

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const id = benefitOf(event);
	const [history, params] = await Promise.all([
		definitionHistory(event.locals.db, id),
		loadParameters(event.locals.db)
	]);
	const current = history[0];
	return {
		id,
		current: current.definition,
		conditionsText: JSON.stringify(current.definition.conditions, null, 2),
		conditionsFr: current.definition.conditions.map(describeCondition),
		formula: { name: current.definition.formula, description: FORMULAS[current.definition.formula]?.description ?? '' },
		history: history.map((h) => ({ version: h.version, note: h.note, createdAt: h.createdAt, createdBy: h.createdBy })),
		paramKeys: [...new Set(params.map((p) => p.key))].sort(),
		payers: PAYERS
	};
};

async function readForm(event: RequestEvent) {
	const actor = requireRole(event, 'admin');
	const id = benefitOf(event);
	return { actor, ...definitionFromForm(await event.request.formData(), id) };
}

export const actions: Actions = {
	preview: async (event) => {
		const { actor, definition, problems, values } = await readForm(event);
		if (problems.length) return fail(400, { values, problems });
		const preview = await previewDefinition(
			event.locals.db,
			actor.organisationId,
			definition,
			referenceProfiles(today().slice(0, 7)),
			today().slice(0, 7)
		);
		if (preview.problems.length) return fail(400, { values, problems: preview.problems });
		return { values, preview, conditionsFr: definition.conditions.map(describeCondition) };
	},
	publish: async (event) => {
		const { actor, definition, note, problems, values } = await readForm(event);
		if (problems.length) return fail(400, { values, problems });
		try {
			const version = await publishDefinition(event.locals.db, actor, definition, note);
			return { published: version };
		} catch (e) {
			if (e instanceof InputError || e instanceof ForbiddenError) return fail(400, { values, problems: [e.message] });
			throw e;
		}
	}
};
