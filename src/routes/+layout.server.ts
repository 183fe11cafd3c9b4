import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const actor = locals.actor;
	return { actor: actor ? { name: actor.name, role: actor.role, email: actor.email } : null };
};
