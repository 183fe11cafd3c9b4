// Who sees and decides referrals: every role, against another organisation and another sender, through the
// services and through the routes' loads and actions (what a crafted request would reach).
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '$lib/server/config';
import type { DbHandle } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/session';
import { acceptReferral, closeReferral, intakeQueue } from '$lib/server/services/intake';
import { myReferrals, referFromCheck } from '$lib/server/services/referrals';
import { NotFoundError } from '$lib/server/services/errors';
import { actions as intakeActions, load as intakeLoad } from '../../../src/routes/intake/+page.server';
import { load as referralsLoad } from '../../../src/routes/check/referrals/+page.server';
import { actions as referActions } from '../../../src/routes/check/refer/+page.server';
import { createTestDb } from '../../helpers/test-db';
import { NOW, goodFields, makeWorld, referralForm, type World } from './referral-fixture';

let h: DbHandle;
let config: Config;
let w: World;
let toA: number;

beforeAll(async () => {
	h = await createTestDb();
	config = loadConfig({});
	w = await makeWorld(h);
	toA = (await referFromCheck(h.db, config, w.pro, referralForm(goodFields(w.orgA)), true, NOW)).id!;
	await referFromCheck(h.db, config, w.otherPro, referralForm(goodFields(w.orgB, { name: 'M. Autre' })), true, NOW);
});
afterAll(async () => {
	await h.close();
});

function event(who: Actor | null, path: string, fields?: FormData) {
	const url = new URL(`http://localhost${path}`);
	const request = fields ? new Request(url, { method: 'POST', body: fields }) : new Request(url);
	return { locals: { db: h.db, config, actor: who }, url, request } as never;
}

async function thrown(p: () => unknown): Promise<unknown> {
	try {
		await p();
		return null;
	} catch (e) {
		return e;
	}
}

const is404 = (e: unknown) => isHttpError(e) && e.status === 404;
const status = async (id: number) =>
	(await h.db.selectFrom('referral').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const idForm = (id: number, reason = 'Tentative') => {
	const f = new FormData();
	f.append('id', String(id));
	f.append('reason', reason);
	return f;
};

describe('referrals: access for every role', () => {
	it('the household member reaches no referral page, action or list', async () => {
		expect(is404(await thrown(() => intakeLoad(event(w.member, '/intake'))))).toBe(true);
		expect(is404(await thrown(() => intakeActions.accept(event(w.member, '/intake', idForm(toA)))))).toBe(true);
		expect(is404(await thrown(() => intakeActions.close(event(w.member, '/intake', idForm(toA)))))).toBe(true);
		expect(is404(await thrown(() => referralsLoad(event(w.member, '/check/referrals'))))).toBe(true);
		const send = referralForm(goodFields(w.orgA));
		send.append('step', 'send');
		expect(is404(await thrown(() => referActions.default(event(w.member, '/check/refer', send))))).toBe(true);
		expect(await thrown(() => intakeQueue(h.db, w.member))).toBeInstanceOf(NotFoundError);
		expect(await thrown(() => myReferrals(h.db, w.member))).toBeInstanceOf(NotFoundError);
		expect(await h.db.selectFrom('referral').select('id').execute()).toHaveLength(2);
	});

	it('nobody signed in is sent to the login page', async () => {
		expect(isRedirect(await thrown(() => intakeLoad(event(null, '/intake'))))).toBe(true);
		expect(isRedirect(await thrown(() => referralsLoad(event(null, '/check/referrals'))))).toBe(true);
	});

	it('a professional sees only their own referrals and no intake queue', async () => {
		expect((await myReferrals(h.db, w.pro)).map((r) => r.personName)).toEqual(['Mme Durand']);
		expect((await myReferrals(h.db, w.otherPro)).map((r) => r.personName)).toEqual(['M. Autre']);
		expect(is404(await thrown(() => intakeLoad(event(w.pro, '/intake'))))).toBe(true);
		expect(is404(await thrown(() => intakeActions.accept(event(w.pro, '/intake', idForm(toA)))))).toBe(true);
		const page = (await referralsLoad(event(w.otherPro, '/check/referrals'))) as { referrals: unknown[] };
		expect(JSON.stringify(page)).not.toMatch(/Durand/);
	});

	it('an adviser or admin sees only their own association’s queue, and none of the sent referrals of others', async () => {
		const a = await intakeQueue(h.db, w.adviserA);
		expect(a.open.map((i) => i.personName)).toEqual(['Mme Durand']);
		const b = (await intakeLoad(event(w.adminB, '/intake'))) as { open: { personName: string }[] };
		expect(b.open.map((i) => i.personName)).toEqual(['M. Autre']);
		expect((await intakeQueue(h.db, w.adviserB)).open.map((i) => i.personName)).toEqual(['M. Autre']);
		expect(await myReferrals(h.db, w.adviserA)).toEqual([]);
		expect(await myReferrals(h.db, w.adminA)).toEqual([]);
	});

	it('another organisation’s adviser or admin can neither accept nor close a request', async () => {
		for (const who of [w.adviserB, w.adminB]) {
			expect(await thrown(() => acceptReferral(h.db, config, who, toA, NOW))).toBeTruthy();
			expect(await thrown(() => closeReferral(h.db, who, toA, 'Pas chez nous', NOW))).toBeInstanceOf(NotFoundError);
			expect(is404(await thrown(() => intakeActions.close(event(who, '/intake', idForm(toA)))))).toBe(true);
		}
		expect(is404(await thrown(() => intakeActions.accept(event(w.adviserB, '/intake', idForm(toA)))))).toBe(true);
		expect(await status(toA)).toBe('open');
		expect(await h.db.selectFrom('household').select('id').execute()).toEqual([]);
	});

	it('the association’s admin may close, not accept; its adviser accepts through the route', async () => {
		const r = (await intakeActions.accept(event(w.adminA, '/intake', idForm(toA)))) as { status: number };
		expect(r.status).toBe(400);
		expect(await status(toA)).toBe('open');
		const done = await thrown(() => intakeActions.accept(event(w.adviserA, '/intake', idForm(toA))));
		expect(isRedirect(done) && done.location).toMatch(/^\/caseload/);
		expect(await status(toA)).toBe('accepted');
		// decided: nobody can decide it again
		expect(is404(await thrown(() => intakeActions.close(event(w.adminA, '/intake', idForm(toA)))))).toBe(true);
	});

	it('the sending route writes nothing without consent, and sends with it', async () => {
		const before = (await h.db.selectFrom('referral').select('id').execute()).length;
		const without = referralForm(goodFields(w.orgA, { consent: 'no' }));
		without.append('step', 'send');
		const r = (await referActions.default(event(w.pro, '/check/refer', without))) as { status: number };
		expect(r.status).toBe(400);
		expect(await h.db.selectFrom('referral').select('id').execute()).toHaveLength(before);
		const withConsent = referralForm(goodFields(w.orgA, { name: 'Mme Route' }));
		withConsent.append('step', 'send');
		const sent = await thrown(() => referActions.default(event(w.pro, '/check/refer', withConsent)));
		expect(isRedirect(sent) && sent.location).toBe('/check/referrals?envoyee=1');
		expect(await h.db.selectFrom('referral').select('id').execute()).toHaveLength(before + 1);
	});
});
