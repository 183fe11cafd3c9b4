import { redirect } from '@sveltejs/kit';
import { homePath } from '$lib/server/auth/access';
import type { PageServerLoad } from './$types';

/** Sends each role to its home; anonymous visitors to the login page. */
export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.actor) redirect(303, '/login');
	redirect(303, await homePath(locals.db, locals.actor));
};
