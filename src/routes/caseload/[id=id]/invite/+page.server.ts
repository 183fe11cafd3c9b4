import { fail } from '@sveltejs/kit';
import { requireHousehold } from '$lib/server/auth/guards';
import { InputError, NotFoundError } from '$lib/server/services/errors';
import { householdHeader } from '$lib/server/services/households';
import { inviteMember, pendingInvitations, resendInvitation, revokeInvitation } from '$lib/server/services/invitations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event, 'invite');
	const db = event.locals.db;
	const [household, pending] = await Promise.all([householdHeader(db, scope), pendingInvitations(db, scope)]);
	return { household, pending };
};

export const actions: Actions = {
	invite: async (event) => {
		const scope = requireHousehold(event, 'invite');
		const form = await event.request.formData();
		const email = String(form.get('email') ?? '');
		const name = String(form.get('name') ?? '');
		try {
			const { token, expiresAt } = await inviteMember(event.locals.db, event.locals.config, scope, { email, name });
			return { link: `${event.url.origin}/invitation/${token}`, expiresAt, email };
		} catch (e) {
			if (e instanceof InputError)
				return fail(400, { values: { email, name }, errors: { [e.field ?? 'email']: e.message } });
			throw e;
		}
	},
	resend: async (event) => {
		const scope = requireHousehold(event, 'invite');
		const form = await event.request.formData();
		try {
			const r = await resendInvitation(event.locals.db, event.locals.config, scope, Number(form.get('invitation')));
			return {
				link: `${event.url.origin}/invitation/${r.token}`,
				expiresAt: r.expiresAt,
				email: r.email,
				resent: true
			};
		} catch (e) {
			if (e instanceof NotFoundError) return fail(404, { pendingError: e.message });
			throw e;
		}
	},
	revoke: async (event) => {
		const scope = requireHousehold(event, 'invite');
		const form = await event.request.formData();
		try {
			const r = await revokeInvitation(event.locals.db, scope, Number(form.get('invitation')));
			return { revoked: r.email };
		} catch (e) {
			if (e instanceof NotFoundError) return fail(404, { pendingError: e.message });
			throw e;
		}
	}
};
