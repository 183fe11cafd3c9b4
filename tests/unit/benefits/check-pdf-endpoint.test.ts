// POST /check/pdf: the quick check's answers → a PDF download, only for the roles of /check, never counted again.
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/session';
import { POST } from '../../../src/routes/check/pdf/+server';
import { actions } from '../../../src/routes/check/+page.server';
import { createTestDb } from '../../helpers/test-db';

let h: DbHandle;
let org: number;

beforeAll(async () => {
	h = await createTestDb();
	org = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'Org', created_at: '2026-01-01T00:00:00Z' })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
});
afterAll(async () => {
	await h?.close();
});

const ANSWERS: [string, string][] = [
	['applicantAge', '38'],
	['applicantActivity', 'unemployed_no_benefit'],
	['couple', 'no'],
	['children', '8, 13'],
	['housing', 'tenant_private'],
	['rent', '550'],
	['zone', '2'],
	['received', 'af']
];

function actor(role: Actor['role']): Actor {
	return { id: 1, organisationId: org, email: `${role}@example.fr`, name: role, role };
}

/** The parts of a RequestEvent the route reads. */
function event(who: Actor | null, fields: [string, string][] = ANSWERS, path = '/check/pdf') {
	const body = new FormData();
	for (const [k, v] of fields) body.append(k, v);
	const url = new URL(`http://localhost${path}`);
	return { locals: { db: h.db, actor: who }, url, request: new Request(url, { method: 'POST', body }) } as never;
}

/** What the route throws (a redirect or an HTTP error), or null when it answers. */
async function refusal(e: Parameters<typeof POST>[0]): Promise<unknown> {
	try {
		await POST(e);
		return null;
	} catch (thrown) {
		return thrown;
	}
}

async function checks(): Promise<number> {
	const row = await h.db
		.selectFrom('check_stat')
		.select((eb) => eb.fn.sum<number>('checks').as('n'))
		.where('organisation_id', '=', org)
		.executeTakeFirst();
	return Number(row?.n ?? 0);
}

describe('POST /check/pdf', () => {
	it('answers a PDF download for a professional, without counting the check', async () => {
		const before = await checks();
		const res = await POST(event(actor('professional')));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('content-disposition')).toMatch(
			/^attachment; filename="droits-a-verifier-\d{4}-\d{2}-\d{2}\.pdf"$/
		);
		expect(res.headers.get('cache-control')).toBe('no-store');
		const pdf = Buffer.from(await res.arrayBuffer());
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(Number(res.headers.get('content-length'))).toBe(pdf.length);
		expect(await checks()).toBe(before);
	});

	it('the page action, by contrast, counts the check once', async () => {
		const before = await checks();
		const out = (await actions.default(event(actor('professional'), ANSWERS, '/check'))) as { result?: unknown };
		expect(out.result).toBeTruthy();
		expect(await checks()).toBe(before + 1);
	});

	it('is open to advisers and admins too', async () => {
		for (const role of ['adviser', 'admin'] as const) expect((await POST(event(actor(role)))).status).toBe(200);
	});

	it('refuses a visitor without a session (to the login page) and a household member (404)', async () => {
		const anonymous = await refusal(event(null));
		expect(isRedirect(anonymous) && anonymous.status === 303 && anonymous.location.startsWith('/login')).toBe(true);
		const household = await refusal(event(actor('household')));
		expect(isHttpError(household) && household.status === 404).toBe(true);
	});

	it('answers 400 in French when answers are missing or wrong', async () => {
		const res = await POST(event(actor('professional'), [['applicantAge', 'abc']]));
		expect(res.status).toBe(400);
		expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(await res.text()).toMatch(/^Certaines réponses sont à corriger : .*âge/);
		const empty = await POST({
			locals: { db: h.db, actor: actor('professional') },
			url: new URL('http://localhost/check/pdf'),
			request: new Request('http://localhost/check/pdf', {
				method: 'POST',
				body: 'x',
				headers: { 'content-type': 'text/plain' }
			})
		} as never);
		expect(empty.status).toBe(400);
		expect(await empty.text()).toMatch(/manquantes/);
	});
});
