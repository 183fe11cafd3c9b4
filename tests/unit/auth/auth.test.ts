import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '$lib/server/config';
import type { DbHandle } from '$lib/server/db';
import { validateSession } from '$lib/server/auth/session';
import { changePassword, GENERIC_LOGIN_ERROR, login } from '$lib/server/services/auth-service';
import { InputError } from '$lib/server/services/errors';
import { createUser } from '$lib/server/services/users';
import { passwordProblem } from '$lib/server/auth/password';
import { safeNext } from '$lib/server/auth/redirect';
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

	it('slows an account down after repeated failures, even for the right password, then lets it in', async () => {
		const now = new Date('2026-11-28T10:00:00Z');
		await createUser(
			h.db,
			org,
			{ email: 'victim@ex.fr', name: 'Victime', role: 'professional', password: 'the right password' },
			null
		);
		for (let i = 0; i < config.throttle.accountFailures; i++) {
			const r = await login(h.db, config, { email: 'victim@ex.fr', password: `bad ${i}`, ip: `10.1.0.${i}` }, now);
			if (i < config.throttle.accountFailures - 1)
				expect(r).toEqual({ ok: false, message: GENERIC_LOGIN_ERROR, locked: false });
			// the failure that uses the last free attempt says at once how long to wait
			else
				expect(r).toMatchObject({
					ok: false,
					locked: true,
					retryAt: '2026-11-28T10:00:30.000Z',
					message: `${GENERIC_LOGIN_ERROR} Trop de tentatives de connexion : réessayez dans 30 secondes. Mot de passe oublié ? Demandez un lien pour en choisir un nouveau.`
				});
		}
		// The next attempt must wait 30 s: refused without checking the password, the way back offered.
		const early = await login(
			h.db,
			config,
			{ email: 'victim@ex.fr', password: 'the right password', ip: '10.9.9.9' },
			now
		);
		expect(early).toMatchObject({ ok: false, locked: true, retryAt: '2026-11-28T10:00:30.000Z' });
		if (!early.ok) expect(early.message).toMatch(/réessayez dans 30 secondes.*lien pour en choisir un nouveau/);
		// An unknown address is slowed down the same way (nothing tells them apart).
		const unknown = [];
		for (let i = 0; i <= config.throttle.accountFailures; i++)
			unknown.push(await login(h.db, config, { email: 'ghost@ex.fr', password: 'x', ip: `10.2.0.${i}` }, now));
		expect(unknown.at(-1)).toMatchObject({ locked: true, retryAt: '2026-11-28T10:00:30.000Z' });
		// After the delay the right password works, and the count starts again.
		const later = new Date(now.getTime() + 31_000);
		expect(
			(await login(h.db, config, { email: 'victim@ex.fr', password: 'the right password', ip: '10.9.9.9' }, later)).ok
		).toBe(true);
		expect(
			await h.db.selectFrom('login_throttle').select('key').where('key', '=', 'account:victim@ex.fr').execute()
		).toEqual([]);
	});

	it('doubles the delay with each further failure, up to the configured lock', async () => {
		let t = new Date('2026-11-28T11:00:00Z').getTime();
		const waits: number[] = [];
		for (let i = 0; i < config.throttle.accountFailures + 7; i++) {
			const r = await login(h.db, config, { email: 'slow@ex.fr', password: 'x', ip: `10.5.${i}.1` }, new Date(t));
			expect(r.ok).toBe(false);
			const next = await h.db
				.selectFrom('login_throttle')
				.select('locked_until')
				.where('key', '=', 'account:slow@ex.fr')
				.executeTakeFirstOrThrow();
			const wait = next.locked_until ? new Date(next.locked_until).getTime() - t : 0;
			waits.push(wait / 1000);
			t += wait + 1000;
		}
		expect(waits).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
		// a day without attempts gives the free attempts back
		const nextDay = new Date(t + 24 * 3_600_000 + 1000);
		await login(h.db, config, { email: 'slow@ex.fr', password: 'x', ip: '10.6.0.1' }, nextDay);
		const row = await h.db
			.selectFrom('login_throttle')
			.select(['failures', 'locked_until'])
			.where('key', '=', 'account:slow@ex.fr')
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ failures: 1, locked_until: null });
	});

	it('200 simultaneous guesses for one account: only the free ones are checked, the right one is not let in', async () => {
		const now = new Date('2026-11-28T13:00:00Z');
		await createUser(
			h.db,
			org,
			{ email: 'target@ex.fr', name: 'Cible', role: 'adviser', password: 'target secret phrase' },
			null
		);
		const guesses = Array.from({ length: 200 }, (_, i) => (i === 150 ? 'target secret phrase' : `guess number ${i}`));
		const results = await Promise.all(
			guesses.map((password, i) => login(h.db, config, { email: 'target@ex.fr', password, ip: `198.51.${i}.1` }, now))
		);
		// a checked guess gets the generic message; the others were refused before their password was read
		const checked = results.filter((r) => r.ok || r.message.startsWith(GENERIC_LOGIN_ERROR)).length;
		expect(checked).toBe(config.throttle.accountFailures);
		expect(results.filter((r) => r.ok)).toHaveLength(0);
		expect(results.filter((r) => !r.ok && !r.message.startsWith(GENERIC_LOGIN_ERROR))).toHaveLength(
			200 - config.throttle.accountFailures
		);
		const target = await h.db
			.selectFrom('app_user')
			.select('id')
			.where('email', '=', 'target@ex.fr')
			.executeTakeFirstOrThrow();
		const failedChecks = await h.db
			.selectFrom('audit_log')
			.select('id')
			.where('action', '=', 'login.failed')
			.where('actor_id', '=', target.id)
			.execute();
		expect(failedChecks).toHaveLength(config.throttle.accountFailures);
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
		await expect(
			changePassword(
				h.db,
				{ id: uid, organisationId: org, email: 'pw@ex.fr', name: 'Pw', role: 'admin' },
				{
					current: 'first password',
					next: 'first password',
					confirm: 'first password',
					keepSessionId: null
				}
			)
		).rejects.toThrow(/différent/);
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
		).rejects.toThrow(/12 caractères/);
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

describe('password policy', () => {
	it('refuses short, common and personal passwords, in French', async () => {
		for (const weak of [
			'1234567890',
			'motdepasse',
			'azertyuiop',
			'motdepasse2026',
			'azertyuiop12',
			'1234567890ab',
			'aaaaaaaaaaaaaaa'
		])
			expect(await passwordProblem(weak), weak).not.toBeNull();
		expect(await passwordProblem('motdepasse')).toMatch(/au moins 12 caractères/);
		expect(await passwordProblem('motdepasse2026')).toMatch(/trop facile à deviner/);
		expect(await passwordProblem('jeanne.dupont@exemple.fr', { email: 'jeanne.dupont@exemple.fr' })).toMatch(
			/adresse e-mail/
		);
		expect(await passwordProblem('Jeanne Dupont 2026', { email: 'j@x.fr', name: 'Jeanne Dupont' })).toMatch(
			/votre nom/
		);
		expect(await passwordProblem('the same old phrase', {}, 'the same old phrase')).toMatch(/différent/);
		expect(await passwordProblem('correct horse battery')).toBeNull();
		expect(await passwordProblem('demo-bgv-2026', { email: 'menage@demo.bgv.fr', name: 'Sophie Martin' })).toBeNull();
	});
});

describe('redirect after login', () => {
	it('keeps a path of this site, refuses everything a browser reads as another host', () => {
		expect(safeNext('/households/3/budget?month=2026-10')).toBe('/households/3/budget?month=2026-10');
		expect(safeNext('/caseload#x')).toBe('/caseload#x');
		for (const bad of [
			'//evil.example',
			'/\\evil.example',
			'/\t/evil.example',
			'/\n/evil.example',
			'/\u0000/x',
			'https://evil.example',
			'evil.example',
			'/%2F%2Fevil.example/..',
			''
		])
			expect(safeNext(bad) ?? '', JSON.stringify(bad)).not.toMatch(/^\/\/|^https?:|evil\.example$/);
		expect(safeNext('/\t/evil.example')).toBeNull();
		expect(safeNext('/\u3002evil')).toBe('/%E3%80%82evil');
		expect(safeNext(null)).toBeNull();
	});
});
