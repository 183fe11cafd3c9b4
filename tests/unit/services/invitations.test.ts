import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '$lib/server/config';
import type { DbHandle } from '$lib/server/db';
import { householdScope, may, type HouseholdScope } from '$lib/server/auth/access';
import type { Actor } from '$lib/server/auth/session';
import { InputError } from '$lib/server/services/errors';
import { createHousehold } from '$lib/server/services/households';
import {
	acceptInvitation,
	findInvitation,
	inviteMember,
	pendingInvitations,
	resendInvitation,
	revokeInvitation
} from '$lib/server/services/invitations';
import { consentState, listMembers, removeMember, setConsent } from '$lib/server/services/membership';
import { createUser } from '$lib/server/services/users';
import { createTestDb } from '../../helpers/test-db';
import { startTestSmtp, type TestSmtp } from '../../helpers/smtp';

let h: DbHandle;
let smtp: TestSmtp;
let config: ReturnType<typeof loadConfig>;
let org: number;
let adviser: Actor;
const NOW = new Date('2026-11-28T10:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

const accept = (token: string, extra: Partial<Parameters<typeof acceptInvitation>[2]> = {}, at = NOW) =>
	acceptInvitation(
		h.db,
		config,
		{
			token,
			password: 'a good long phrase',
			confirm: 'a good long phrase',
			shareWithAdviser: true,
			signedIn: null,
			...extra
		},
		at
	);

beforeAll(async () => {
	h = await createTestDb();
	smtp = await startTestSmtp();
	config = loadConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'BGV <bgv@exemple.fr>', ORIGIN: 'https://bgv.exemple.fr' });
	org = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'Org', created_at: NOW.toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	const id = await createUser(
		h.db,
		org,
		{ email: 'conseil@ex.fr', name: 'Claire', role: 'adviser', password: 'correct horse battery' },
		null
	);
	adviser = { id, organisationId: org, email: 'conseil@ex.fr', name: 'Claire', role: 'adviser' };
});
afterAll(async () => {
	await smtp.close();
	await h.close();
});

async function newHousehold(name: string): Promise<HouseholdScope> {
	const hh = await createHousehold(h.db, { organisationId: org, name, adviserId: adviser.id });
	return (await householdScope(h.db, adviser, hh))!;
}

describe('invitations', () => {
	it('are e-mailed with their link, single-use and expiring; the first member chooses to share', async () => {
		const scope = await newHousehold('Famille Test');
		const before = smtp.messages.length;
		const { token } = await inviteMember(h.db, config, scope, { email: 'membre@ex.fr', name: 'Membre' }, NOW);
		const [mail] = (await smtp.waitFor(before + 1)).slice(before);
		expect(mail.to).toEqual(['membre@ex.fr']);
		expect(mail.subject).toBe('Votre invitation à BGV');
		expect(mail.text).toContain(`https://bgv.exemple.fr/invitation/${token}`);
		expect(mail.text).toContain('Claire vous invite à rejoindre le foyer « Famille Test »');
		expect(await findInvitation(h.db, token, NOW)).toMatchObject({ email: 'membre@ex.fr', firstMember: true });
		await expect(accept(token, { confirm: 'different phrase here' })).rejects.toThrow(/identiques/);
		const r = await accept(token);
		expect(r.consentLeftToMembers).toBe(false);
		expect(r.session).not.toBeNull();
		await expect(accept(token)).rejects.toThrow(InputError);
		expect(may((await householdScope(h.db, adviser, scope.householdId))!, 'read')).toBe(true);
		// the acceptance is in the household's access log
		const log = await h.db
			.selectFrom('audit_log')
			.select('action')
			.where('household_id', '=', scope.householdId)
			.execute();
		expect(log.map((l) => l.action)).toContain('invitation.accepted');
		const { token: t2 } = await inviteMember(h.db, config, scope, { email: 'late@ex.fr', name: 'Tard' }, NOW);
		await expect(accept(t2, {}, later((config.invitationDays + 1) * 24 * 60))).rejects.toThrow(/plus valable/);
	});

	it('never pre-decides consent: a member who does not share leaves the adviser out', async () => {
		const scope = await newHousehold('Famille Réservée');
		const { token } = await inviteMember(h.db, config, scope, { email: 'reserve@ex.fr', name: 'Réservée' }, NOW);
		await accept(token, { shareWithAdviser: false });
		expect(may((await householdScope(h.db, adviser, scope.householdId))!, 'read')).toBe(false);
	});

	it('can be listed, resent (the old link stops working) and revoked', async () => {
		const scope = await newHousehold('Famille Relance');
		const first = await inviteMember(h.db, config, scope, { email: 'relance@ex.fr', name: 'Relance' }, NOW);
		expect(await pendingInvitations(h.db, scope, NOW)).toHaveLength(1);
		const again = await resendInvitation(
			h.db,
			config,
			scope,
			(await pendingInvitations(h.db, scope, NOW))[0].id,
			later(1)
		);
		expect(await findInvitation(h.db, first.token, later(2))).toBeNull();
		expect(await findInvitation(h.db, again.token, later(2))).not.toBeNull();
		const [pending] = await pendingInvitations(h.db, scope, later(2));
		await revokeInvitation(h.db, scope, pending.id, later(3));
		expect(await findInvitation(h.db, again.token, later(4))).toBeNull();
		expect(await pendingInvitations(h.db, scope, later(4))).toEqual([]);
		await expect(accept(again.token, {}, later(5))).rejects.toThrow(/plus valable/);
	});

	it('inviting an address that already has an account answers the same as any address', async () => {
		const scope = await newHousehold('Famille Existante');
		await expect(
			inviteMember(h.db, config, scope, { email: 'conseil@ex.fr', name: 'Claire' }, NOW)
		).resolves.toMatchObject({
			token: expect.any(String)
		});
	});
});

describe('consent belongs to the members', () => {
	let scope: HouseholdScope;
	let first: Actor;
	let firstScope: HouseholdScope;

	beforeAll(async () => {
		scope = await newHousehold('Famille Consentement');
		const { token } = await inviteMember(h.db, config, scope, { email: 'premier@ex.fr', name: 'Premier Membre' }, NOW);
		first = (await accept(token)).actor;
		firstScope = (await householdScope(h.db, first, scope.householdId))!;
	});

	it('an invitation cannot restore a consent a member withdrew; the new member is told, the others too', async () => {
		await setConsent(h.db, firstScope, false, later(10));
		expect(may((await householdScope(h.db, adviser, scope.householdId))!, 'read')).toBe(false);
		// The adviser, who cannot see the household any more, invites an address of their own and accepts with "share".
		const before = smtp.messages.length;
		const { token } = await inviteMember(h.db, config, scope, { email: 'complice@ex.fr', name: 'Complice' }, later(11));
		expect(await findInvitation(h.db, token, later(11))).toMatchObject({ firstMember: false });
		const joined = await accept(token, { shareWithAdviser: true }, later(12));
		expect(joined.consentLeftToMembers).toBe(true);
		expect(may((await householdScope(h.db, adviser, scope.householdId))!, 'read')).toBe(false);
		// and cannot give it back from the household page either
		const newcomer = (await householdScope(h.db, joined.actor, scope.householdId))!;
		await expect(setConsent(h.db, newcomer, true, later(13))).rejects.toThrow(/lui seul peut le rétablir/);
		expect((await consentState(h.db, newcomer)).mayGive).toBe(false);
		expect(may((await householdScope(h.db, adviser, scope.householdId))!, 'read')).toBe(false);
		// the existing member was told by e-mail, with the way to remove the newcomer
		const mails = (await smtp.waitFor(before + 2)).slice(before);
		const notice = mails.find((m) => m.to[0] === 'premier@ex.fr');
		expect(notice?.subject).toBe('Un nouveau membre a rejoint « Famille Consentement » dans BGV');
		expect(notice?.text).toContain('Complice a rejoint votre foyer');
		expect(notice?.text).toContain(`https://bgv.exemple.fr/households/${scope.householdId}`);
	});

	it('the earlier member can remove the newcomer, not the other way round', async () => {
		const newcomerId = (
			await h.db.selectFrom('app_user').select('id').where('email', '=', 'complice@ex.fr').executeTakeFirstOrThrow()
		).id;
		const newcomer = (await householdScope(
			h.db,
			{ ...first, id: newcomerId, email: 'complice@ex.fr', name: 'Complice' },
			scope.householdId
		))!;
		expect((await listMembers(h.db, newcomer)).find((m) => m.userId === first.id)?.removable).toBe(false);
		await expect(removeMember(h.db, newcomer, first.id, later(20))).rejects.toThrow(/arrivés après vous/);
		await removeMember(h.db, firstScope, newcomerId, later(21));
		expect((await listMembers(h.db, firstScope)).map((m) => m.userId)).toEqual([first.id]);
		expect(await h.db.selectFrom('session').select('id').where('user_id', '=', newcomerId).execute()).toEqual([]);
		// the member who withdrew may give consent again
		await setConsent(h.db, firstScope, true, later(22));
		expect(may((await householdScope(h.db, adviser, scope.householdId))!, 'read')).toBe(true);
	});

	it('staff signed in cannot accept an invitation; a member signed in with the invited address joins as is', async () => {
		const other = await newHousehold('Famille Deux');
		const { token } = await inviteMember(
			h.db,
			config,
			other,
			{ email: 'premier@ex.fr', name: 'Premier Membre' },
			later(30)
		);
		await expect(accept(token, { signedIn: adviser }, later(31))).rejects.toThrow(/compte d’équipe/);
		await expect(accept(token, {}, later(31))).rejects.toThrow(/déjà un compte BGV/);
		const r = await accept(token, { signedIn: first, password: '', confirm: '' }, later(32));
		expect(r.session).toBeNull();
		expect(r.actor.id).toBe(first.id);
		expect((await householdScope(h.db, first, other.householdId)) !== null).toBe(true);
	});
});
