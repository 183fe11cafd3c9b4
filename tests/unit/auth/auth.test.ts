import { householdScope } from '$lib/server/auth/access';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '$lib/server/config';
import type { DbHandle } from '$lib/server/db';
import { validateSession } from '$lib/server/auth/session';
import {
	acceptInvitation,
	changePassword,
	findInvitation,
	GENERIC_LOGIN_ERROR,
	LOCKED_LOGIN_ERROR,
	login
} from '$lib/server/services/auth-service';
import { InputError } from '$lib/server/services/errors';
import { createUser, inviteMember } from '$lib/server/services/users';
import { createHousehold } from '$lib/server/services/households';
import { createTestDb } from '../../helpers/test-db';

const config = loadConfig({ DATABASE_URL: ':memory:' });
let h: DbHandle;
let org: number;
let adviser: number;

beforeAll(async () => {
	h = await createTestDb();
	org = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'Org', created_at: new Date().toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	adviser = await createUser(
		h.db,
		org,
		{ email: 'Conseil@Ex.fr', name: 'Claire', role: 'adviser', password: 'correct horse battery' },
		null
	);
});
afterAll(async () => {
	await h.close();
});

describe('login', () => {
	it('logs in with the right password (email case-insensitive) and validates the session', async () => {
		const r = await login(h.db, config, {
			email: ' conseil@ex.FR ',
			password: 'correct horse battery',
			ip: '10.0.0.1'
		});
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.actor).toMatchObject({ id: adviser, role: 'adviser', organisationId: org });
		const stored = await h.db.selectFrom('session').select('id').execute();
		expect(stored.map((s) => s.id)).not.toContain(r.token);
		const v = await validateSession(h.db, r.token, config.sessionDays);
		expect(v?.actor.id).toBe(adviser);
		expect(await validateSession(h.db, `${r.token}x`, config.sessionDays)).toBeNull();
	});

	it('gives the same generic message for a wrong password and an unknown account', async () => {
		const a = await login(h.db, config, { email: 'conseil@ex.fr', password: 'wrong password', ip: '10.0.0.2' });
		const b = await login(h.db, config, { email: 'nobody@ex.fr', password: 'wrong password', ip: '10.0.0.2' });
		expect(a).toEqual({ ok: false, message: GENERIC_LOGIN_ERROR, locked: false });
		expect(b).toEqual({ ok: false, message: GENERIC_LOGIN_ERROR, locked: false });
	});

	it('locks an account after repeated failures, even for the right password, then unlocks', async () => {
		const now = new Date('2026-11-28T10:00:00Z');
		await createUser(
			h.db,
			org,
			{ email: 'victim@ex.fr', name: 'Victime', role: 'professional', password: 'the right password' },
			null
		);
		for (let i = 0; i < config.throttle.accountFailures; i++) {
			await login(h.db, config, { email: 'victim@ex.fr', password: `bad ${i}`, ip: `10.1.0.${i}` }, now);
		}
		const locked = await login(
			h.db,
			config,
			{ email: 'victim@ex.fr', password: 'the right password', ip: '10.9.9.9' },
			now
		);
		expect(locked).toEqual({ ok: false, message: LOCKED_LOGIN_ERROR, locked: true });
		const unknownLocked = [];
		for (let i = 0; i < config.throttle.accountFailures; i++) {
			unknownLocked.push(await login(h.db, config, { email: 'ghost@ex.fr', password: 'x', ip: `10.2.0.${i}` }, now));
		}
		expect(unknownLocked.at(-1)).toMatchObject({ locked: true });
		const later = new Date(now.getTime() + (config.throttle.lockMinutes + 1) * 60_000);
		const ok = await login(
			h.db,
			config,
			{ email: 'victim@ex.fr', password: 'the right password', ip: '10.9.9.9' },
			later
		);
		expect(ok.ok).toBe(true);
	});

	it('throttles an IP that tries many accounts', async () => {
		const now = new Date('2026-11-28T12:00:00Z');
		for (let i = 0; i < config.throttle.ipFailures; i++) {
			await login(h.db, config, { email: `spray${i}@ex.fr`, password: 'x', ip: '192.0.2.7' }, now);
		}
		const r = await login(
			h.db,
			config,
			{ email: 'conseil@ex.fr', password: 'correct horse battery', ip: '192.0.2.7' },
			now
		);
		expect(r).toMatchObject({ ok: false, locked: true });
		const other = await login(
			h.db,
			config,
			{ email: 'conseil@ex.fr', password: 'correct horse battery', ip: '192.0.2.8' },
			now
		);
		expect(other.ok).toBe(true);
	});
});

describe('sessions', () => {
	it('slides the expiry when more than half the lifetime has passed, and expires', async () => {
		const t0 = new Date('2026-01-01T00:00:00Z');
		const r = await login(
			h.db,
			config,
			{ email: 'conseil@ex.fr', password: 'correct horse battery', ip: '10.3.0.1' },
			t0
		);
		if (!r.ok) throw new Error('login failed');
		const early = await validateSession(h.db, r.token, 30, new Date('2026-01-05T00:00:00Z'));
		expect(early?.renewed).toBe(false);
		const late = await validateSession(h.db, r.token, 30, new Date('2026-01-20T00:00:00Z'));
		expect(late?.renewed).toBe(true);
		expect(late?.session.expiresAt).toBe('2026-02-19T00:00:00.000Z');
		expect(await validateSession(h.db, r.token, 30, new Date('2026-03-01T00:00:00Z'))).toBeNull();
	});

	it('a password change revokes the other sessions only', async () => {
		const uid = await createUser(
			h.db,
			org,
			{ email: 'pw@ex.fr', name: 'Pw', role: 'admin', password: 'first password' },
			null
		);
		const a = await login(h.db, config, { email: 'pw@ex.fr', password: 'first password', ip: '10.4.0.1' });
		const b = await login(h.db, config, { email: 'pw@ex.fr', password: 'first password', ip: '10.4.0.2' });
		if (!a.ok || !b.ok) throw new Error('login failed');
		const va = await validateSession(h.db, a.token, 30);
		const actor = va!.actor;
		await expect(
			changePassword(h.db, actor, {
				current: 'nope',
				next: 'second password',
				confirm: 'second password',
				keepSessionId: va!.session.id
			})
		).rejects.toThrow(InputError);
		await expect(
			changePassword(h.db, actor, {
				current: 'first password',
				next: 'short',
				confirm: 'short',
				keepSessionId: va!.session.id
			})
		).rejects.toThrow(/10 caractères/);
		await changePassword(h.db, actor, {
			current: 'first password',
			next: 'second password',
			confirm: 'second password',
			keepSessionId: va!.session.id
		});
		expect(await validateSession(h.db, a.token, 30)).not.toBeNull();
		expect(await validateSession(h.db, b.token, 30)).toBeNull();
		expect((await login(h.db, config, { email: 'pw@ex.fr', password: 'second password', ip: '10.4.0.3' })).ok).toBe(
			true
		);
		expect(uid).toBeGreaterThan(0);
	});
});

describe('invitations', () => {
	it('a single-use, expiring link creates a household member who may consent', async () => {
		const hh = await createHousehold(h.db, { organisationId: org, name: 'Famille Test', adviserId: adviser });
		const adviserActor = {
			id: adviser,
			organisationId: org,
			email: 'conseil@ex.fr',
			name: 'Claire',
			role: 'adviser' as const
		};
		const scope = (await householdScope(h.db, adviserActor, hh))!;
		const { token } = await inviteMember(h.db, config, scope, { email: 'membre@ex.fr', name: 'Membre' });
		expect(await findInvitation(h.db, token)).toMatchObject({ email: 'membre@ex.fr', householdName: 'Famille Test' });
		await expect(
			acceptInvitation(h.db, config, {
				token,
				password: 'a good password',
				confirm: 'different',
				shareWithAdviser: true
			})
		).rejects.toThrow(/identiques/);
		const r = await acceptInvitation(h.db, config, {
			token,
			password: 'a good password',
			confirm: 'a good password',
			shareWithAdviser: true
		});
		expect(r.householdId).toBe(hh);
		expect(r.actor.role).toBe('household');
		await expect(
			acceptInvitation(h.db, config, {
				token,
				password: 'a good password',
				confirm: 'a good password',
				shareWithAdviser: true
			})
		).rejects.toThrow(InputError);
		const consent = await h.db.selectFrom('consent').selectAll().where('household_id', '=', hh).execute();
		expect(consent).toHaveLength(1);

		const { token: t2 } = await inviteMember(h.db, config, scope, { email: 'late@ex.fr', name: 'Tard' });
		const future = new Date(Date.now() + (config.invitationDays + 1) * 86_400_000);
		expect(await findInvitation(h.db, t2, future)).toBeNull();
		await expect(
			acceptInvitation(
				h.db,
				config,
				{ token: t2, password: 'a good password', confirm: 'a good password', shareWithAdviser: false },
				future
			)
		).rejects.toThrow(/plus valable/);
	});
});
