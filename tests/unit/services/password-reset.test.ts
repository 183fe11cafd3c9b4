import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '$lib/server/config';
import type { DbHandle } from '$lib/server/db';
import { validateSession } from '$lib/server/auth/session';
import { login } from '$lib/server/services/auth-service';
import { NotFoundError } from '$lib/server/services/errors';
import { outboxOf, sendMail } from '$lib/server/services/mailer';
import {
	completePasswordReset,
	findPasswordReset,
	requestPasswordReset,
	resetStaffPassword
} from '$lib/server/services/password-reset';
import { createUser } from '$lib/server/services/users';
import { createTestDb } from '../../helpers/test-db';
import { startTestSmtp, type TestSmtp } from '../../helpers/smtp';

let h: DbHandle;
let smtp: TestSmtp;
let config: ReturnType<typeof loadConfig>;
let org: number;
let admin: number;
let adviser: number;
const NOW = new Date('2026-11-28T10:00:00Z');

const tokenIn = (text: string) => /\/login\/reset\/([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';

beforeAll(async () => {
	h = await createTestDb();
	smtp = await startTestSmtp();
	config = loadConfig({ SMTP_URL: smtp.url, ORIGIN: 'https://bgv.exemple.fr' });
	org = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'O', created_at: NOW.toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	admin = await createUser(
		h.db,
		org,
		{ email: 'admin@ex.fr', name: 'Admin', role: 'admin', password: 'correct horse battery' },
		null
	);
	adviser = await createUser(
		h.db,
		org,
		{ email: 'claire@ex.fr', name: 'Claire', role: 'adviser', password: 'correct horse battery' },
		null
	);
});
afterAll(async () => {
	await smtp.close();
	await h.close();
});

describe('password reset', () => {
	it('a locked-out person gets a single-use link by e-mail, and it lets them in at once', async () => {
		for (let i = 0; i < config.throttle.accountFailures + 1; i++)
			await login(h.db, config, { email: 'claire@ex.fr', password: `wrong ${i}`, ip: `10.0.${i}.1` }, NOW);
		const slowed = await login(
			h.db,
			config,
			{ email: 'claire@ex.fr', password: 'correct horse battery', ip: '10.9.0.1' },
			NOW
		);
		expect(slowed).toMatchObject({ ok: false, locked: true });
		const before = smtp.messages.length;
		await requestPasswordReset(h.db, config, ' Claire@Ex.fr ', NOW);
		const [mail] = (await smtp.waitFor(before + 1)).slice(before);
		expect(mail.to).toEqual(['claire@ex.fr']);
		expect(mail.subject).toBe('Choisir un nouveau mot de passe BGV');
		expect(mail.text).toContain('Il ne sert qu’une fois et reste valable 2 heures.');
		const token = tokenIn(mail.text);
		expect(mail.text).toContain(`https://bgv.exemple.fr/login/reset/${token}`);
		expect(await findPasswordReset(h.db, token, NOW)).toEqual({ name: 'Claire' });
		await expect(
			completePasswordReset(
				h.db,
				config,
				{ token, password: 'correct horse battery', confirm: 'correct horse battery' },
				NOW
			)
		).rejects.toThrow(/différent de l’ancien/);
		await expect(
			completePasswordReset(h.db, config, { token, password: 'short', confirm: 'short' }, NOW)
		).rejects.toThrow(/12 caractères/);
		const done = await completePasswordReset(
			h.db,
			config,
			{ token, password: 'une nouvelle phrase secrète', confirm: 'une nouvelle phrase secrète' },
			NOW
		);
		expect(await validateSession(h.db, done.token, 30, NOW)).not.toBeNull();
		await expect(
			completePasswordReset(
				h.db,
				config,
				{ token, password: 'encore une autre phrase', confirm: 'encore une autre phrase' },
				NOW
			)
		).rejects.toThrow(/plus valable/);
		// the failed logins are forgotten: the new password works right away
		expect(
			(
				await login(
					h.db,
					config,
					{ email: 'claire@ex.fr', password: 'une nouvelle phrase secrète', ip: '10.9.0.2' },
					NOW
				)
			).ok
		).toBe(true);
	});

	it('answers the same for an unknown address and sends nothing; links expire', async () => {
		const before = smtp.messages.length;
		await requestPasswordReset(h.db, config, 'nobody@ex.fr', NOW);
		await requestPasswordReset(h.db, config, 'admin@ex.fr', NOW);
		const mails = (await smtp.waitFor(before + 1)).slice(before);
		expect(mails.map((m) => m.to[0])).toEqual(['admin@ex.fr']);
		const token = tokenIn(mails[0].text);
		expect(await findPasswordReset(h.db, token, new Date(NOW.getTime() + 2 * 3_600_000 + 1000))).toBeNull();
	});

	it('an admin sends a link to a member of their team, not to anyone else', async () => {
		const actor = { id: admin, organisationId: org, email: 'admin@ex.fr', name: 'Admin', role: 'admin' as const };
		const r = await resetStaffPassword(h.db, config, actor, adviser, NOW);
		expect(r.email).toBe('claire@ex.fr');
		expect(await findPasswordReset(h.db, r.token, NOW)).toEqual({ name: 'Claire' });
		const otherOrg = (
			await h.db
				.insertInto('organisation')
				.values({ name: 'P', created_at: NOW.toISOString() })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
		const stranger = await createUser(
			h.db,
			otherOrg,
			{ email: 'x@autre.fr', name: 'Xavier', role: 'adviser', password: 'correct horse battery' },
			null
		);
		await expect(resetStaffPassword(h.db, config, actor, stranger, NOW)).rejects.toThrow(NotFoundError);
		await expect(resetStaffPassword(h.db, config, { ...actor, role: 'adviser' }, adviser, NOW)).rejects.toThrow(
			NotFoundError
		);
	});
});

describe('outbox', () => {
	it('without an SMTP server, mails are kept for the demo; with one, their text stays out of the database', async () => {
		const offline = loadConfig({});
		const kept = await sendMail(
			h.db,
			offline,
			{ to: 'a@ex.fr', subject: 'S', text: 'lien secret', purpose: 'test', organisationId: org },
			NOW
		);
		expect(kept.status).toBe('kept');
		const sent = await sendMail(
			h.db,
			config,
			{ to: 'b@ex.fr', subject: 'S2', text: 'autre lien', purpose: 'test', organisationId: org },
			NOW
		);
		expect(sent.status).toBe('sent');
		const rows = await outboxOf(h.db, org);
		expect(rows.find((r) => r.id === kept.id)).toMatchObject({ status: 'kept', body: 'lien secret' });
		expect(rows.find((r) => r.id === sent.id)).toMatchObject({ status: 'sent', body: '' });
		const broken = loadConfig({ SMTP_URL: 'smtp://127.0.0.1:9' });
		const failed = await sendMail(
			h.db,
			broken,
			{ to: 'c@ex.fr', subject: 'S3', text: 'x', purpose: 'test', organisationId: org },
			NOW
		);
		expect(failed.status).toBe('failed');
	});
});
