import { fail, redirect } from '@sveltejs/kit';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { InputError } from '$lib/server/services/errors';
import { acceptInvitation, findInvitation } from '$lib/server/services/invitations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const invitation = await findInvitation(locals.db, params.token);
	const actor = locals.actor;
	return {
		invitation: invitation
			? {
					name: invitation.name,
					email: invitation.email,
					householdName: invitation.householdName,
					firstMember: invitation.firstMember
				}
			: null,
		/** staff signed in on this browser cannot accept; a member signed in with the invited address joins as is */
		signedInAs: actor
			? actor.role === 'household'
				? actor.email === invitation?.email
					? 'invitee'
					: 'other'
				: 'staff'
			: null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const share = form.get('share') === 'yes' ? 'yes' : form.get('share') === 'no' ? 'no' : null;
		try {
			const invitation = await findInvitation(event.locals.db, event.params.token);
			if (invitation?.firstMember && !share)
				return fail(400, {
					share,
					errors: { share: 'Dites si votre conseiller peut voir votre budget : oui ou non.' }
				});
			const result = await acceptInvitation(event.locals.db, event.locals.config, {
				token: event.params.token,
				password: String(form.get('password') ?? ''),
				confirm: String(form.get('confirm') ?? ''),
				shareWithAdviser: share === 'yes',
				signedIn: event.locals.actor
			});
			if (result.session)
				event.cookies.set(
					SESSION_COOKIE,
					result.session.token,
					sessionCookieOptions(event.url, result.session.expiresAt)
				);
			redirect(303, `/households/${result.householdId}`);
		} catch (e) {
			if (e instanceof InputError) return fail(400, { share, errors: { [e.field ?? 'password']: e.message } });
			throw e;
		}
	}
};
