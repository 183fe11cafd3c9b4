import { fail } from '@sveltejs/kit';
import { today } from '$lib/dates';
import { requireRole } from '$lib/server/auth/guards';
import { ForbiddenError, InputError } from '$lib/server/services/errors';
import { loadDefinitions } from '$lib/server/services/benefit-definitions';
import { referenceProfiles } from '$lib/server/services/reference-profiles';
import {
	loadParameters,
	previewParameterVersion,
	publishParameterVersion,
	type ParameterVersionInput
} from '$lib/server/services/benefits-service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireRole(event, 'admin');
	const [params, definitions] = await Promise.all([loadParameters(event.locals.db), loadDefinitions(event.locals.db)]);
	const q = (event.url.searchParams.get('q') ?? '').trim().toLowerCase();
	const day = today();
	const byKey = new Map<string, typeof params>();
	for (const p of params) byKey.set(p.key, [...(byKey.get(p.key) ?? []), p]);
	const keys = [...byKey.entries()]
		.filter(([key, versions]) => !q || key.toLowerCase().includes(q) || versions[0].label.toLowerCase().includes(q))
		.map(([key, versions]) => {
			const sorted = [...versions].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
			const current =
				sorted.find((v) => v.effectiveFrom <= day && (v.effectiveTo == null || v.effectiveTo >= day)) ?? null;
			return { key, label: versions[0].label, unit: versions[0].unit, current, versions: sorted };
		});
	const benefits = definitions.map((d) => ({
		id: d.id,
		label: d.label,
		payer: d.payer,
		conditions: d.conditions.length
	}));
	return { keys, q, total: byKey.size, benefits };
};

function input(form: FormData): ParameterVersionInput {
	return {
		key: String(form.get('key') ?? '').trim(),
		value: String(form.get('value') ?? '')
			.trim()
			.replace(',', '.'),
		effectiveFrom: String(form.get('effectiveFrom') ?? ''),
		source: String(form.get('source') ?? '').trim()
	};
}

export const actions: Actions = {
	preview: async (event) => {
		const actor = requireRole(event, 'admin');
		const values = input(await event.request.formData());
		const preview = await previewParameterVersion(
			event.locals.db,
			actor.organisationId,
			values,
			referenceProfiles(values.effectiveFrom.slice(0, 7) || today().slice(0, 7))
		);
		if (preview.problems.length) return fail(400, { values, problems: preview.problems });
		return { values, preview };
	},
	publish: async (event) => {
		const actor = requireRole(event, 'admin');
		const values = input(await event.request.formData());
		try {
			await publishParameterVersion(event.locals.db, actor, values);
		} catch (e) {
			if (e instanceof InputError || e instanceof ForbiddenError) return fail(400, { values, problems: [e.message] });
			throw e;
		}
		return { published: values };
	}
};
