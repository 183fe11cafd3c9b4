import { requireRole } from '$lib/server/auth/guards';
import { outboxOf } from '$lib/server/services/mailer';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const actor = requireRole(event, 'admin');
	return {
		mails: await outboxOf(event.locals.db, actor.organisationId),
		smtp: event.locals.config.mail.smtpUrl !== null
	};
};
