/**
 * The caseload filtered, counted and sorted in SQL (issue 20) gives the page the in-memory computation gave
 * (tests/helpers/caseload-reference.ts): the same households in the same order, the same words, the same
 * counts and signals, for every filter and sort, on several days after the seed (days since an import,
 * appointments within a week, overdue steps and projected overdrafts depend on the day read).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/session';
import { caseloadPage } from '$lib/server/services/caseload';
import { LEVELS, parseCaseloadQuery, SORTS } from '$lib/server/services/caseload-view';
import { seedScaledDemo } from '$db/seeds/demo-scale';
import { createTestDb } from '../../helpers/test-db';
import { actorsByRole } from '../../helpers/demo-actors';
import { referenceCaseloadPage } from '../../helpers/caseload-reference';

const NOW = new Date('2026-12-03T09:00:00Z');
const DAY = 86_400_000;
let h: DbHandle;
let adviser: Actor;

/** Appointments, calls and overdue steps around NOW in a few case files; a consent withdrawn. */
async function caseFiles(organisationId: number, ids: number[]): Promise<void> {
	const at = NOW.toISOString();
	const kinds = ['rdv', 'telephone', 'visite', 'note'] as const;
	for (let k = 0; k < 24 && k < ids.length; k++) {
		const day = new Date(NOW.getTime() + (k - 8) * 2 * DAY).toISOString().slice(0, 10);
		const entry = await h.db
			.insertInto('case_entry')
			.values({
				organisation_id: organisationId,
				household_id: ids[k],
				author_id: adviser.id,
				date: day,
				kind: kinds[k % 4],
				body: 'Entretien',
				created_at: at
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		if (k % 3 === 0)
			await h.db
				.insertInto('case_step')
				.values({
					organisation_id: organisationId,
					household_id: ids[k],
					entry_id: entry.id,
					text: 'Envoyer un justificatif',
					due_date: day,
					done_at: k % 6 === 0 ? at : null,
					done_by: null
				})
				.execute();
	}
	await h.db.updateTable('consent').set({ withdrawn_at: at }).where('household_id', 'in', ids.slice(30, 33)).execute();
}

beforeAll(async () => {
	h = await createTestDb();
	const seed = await seedScaledDemo(h.db, { households: 150, months: 3 }, NOW);
	adviser = (await actorsByRole(h.db, seed.organisationId)).adviser;
	const followed = await h.db
		.selectFrom('adviser_assignment')
		.select('household_id')
		.where('adviser_id', '=', adviser.id)
		.orderBy('household_id')
		.execute();
	await caseFiles(
		seed.organisationId,
		followed.map((r) => r.household_id)
	);
}, 240_000);

afterAll(async () => {
	await h?.close();
});

/** Every filter alone, on both views, and a few together; every sort. */
function queries(signals: string[]): string[] {
	const one = [
		'',
		'q=mar',
		'q=ÉLO',
		...LEVELS.map((l) => `niveau=${l}`),
		...[...signals, 'F99_none'].map((s) => `signal=${s}`),
		'decouvert=1',
		'frais=1',
		'droits=1',
		'sansimport=1',
		'sansimport=30',
		'sansimport=45',
		`conseiller=${adviser.id}`,
		`conseiller=${adviser.id + 1000}`,
		'niveau=watch&decouvert=1&frais=1',
		'q=a&droits=1&sansimport=10'
	];
	const views = ['vue=tous', ''];
	const list = views.flatMap((v) => one.map((f) => [v, f].filter(Boolean).join('&')));
	for (const v of views) for (const s of SORTS) list.push([v, `tri=${s}`].filter(Boolean).join('&'));
	list.push('vue=tous&frais=1&tri=fees', 'vue=tous&niveau=fragile&tri=import', 'decouvert=1&tri=overdraft');
	return list;
}

describe('the caseload in SQL agrees with the in-memory computation', () => {
	for (const offset of [0, 9, 31])
		it(`on the seed day + ${offset} days: households, order, words, counts and signals`, async () => {
			const now = new Date(NOW.getTime() + offset * DAY);
			const all = await referenceCaseloadPage(h.db, adviser, parseCaseloadQuery(new URLSearchParams('vue=tous')), now);
			expect(all.total).toBeGreaterThan(50);
			for (const q of queries(all.signals.map((s) => s.id))) {
				const filters = parseCaseloadQuery(new URLSearchParams(q));
				const [ref, page] = await Promise.all([
					referenceCaseloadPage(h.db, adviser, filters, now),
					caseloadPage(h.db, adviser, filters, now)
				]);
				const context = `${q} (+${offset} d)`;
				expect(page.total, context).toBe(ref.total);
				expect(page.needingAttention, context).toBe(ref.needingAttention);
				expect(page.matching, context).toBe(ref.entries.length);
				// namesakes may come in either order in the reference (no tie-break there)
				expect(
					page.entries.map((e) => e.name),
					context
				).toEqual(ref.entries.map((e) => e.name));
				const byId = new Map(ref.entries.map((e) => [e.id, e]));
				for (const e of page.entries) expect(e, context).toEqual(byId.get(e.id));
				expect(page.signals.map((s) => s.id).sort(), context).toEqual(ref.signals.map((s) => s.id).sort());
			}
			// the days change what is pressing: the week is neither empty nor everyone
			expect(all.needingAttention).toBeGreaterThan(0);
			expect(all.needingAttention).toBeLessThanOrEqual(all.total);
		}, 300_000);
});

describe('a page of the caseload', () => {
	it('gives the households of the page asked, within the pages there are, from the same order', async () => {
		const filters = parseCaseloadQuery(new URLSearchParams('vue=tous'));
		const whole = await caseloadPage(h.db, adviser, filters, NOW);
		const size = 7;
		const pages = Math.ceil(whole.matching / size);
		const seen: number[] = [];
		for (let p = 1; p <= pages; p++) {
			const page = await caseloadPage(h.db, adviser, filters, NOW, { page: p, size });
			expect(page.page).toBe(p);
			expect(page.matching).toBe(whole.matching);
			expect(page.total).toBe(whole.total);
			seen.push(...page.entries.map((e) => e.id));
		}
		expect(seen).toEqual(whole.entries.map((e) => e.id));
		const past = await caseloadPage(h.db, adviser, filters, NOW, { page: pages + 5, size });
		expect(past.page).toBe(pages);
		const before = await caseloadPage(h.db, adviser, filters, NOW, { page: 0, size });
		expect(before.page).toBe(1);
		expect(before.entries.map((e) => e.id)).toEqual(seen.slice(0, size));
	});
});

describe('each pressing reason alone puts a household on "Cette semaine", as before', () => {
	it('overdraft, projected overdraft, fees, missing income, signals, silence', async () => {
		const week = parseCaseloadQuery(new URLSearchParams());
		const all = await referenceCaseloadPage(h.db, adviser, parseCaseloadQuery(new URLSearchParams('vue=tous')), NOW);
		const quiet = all.entries.find((e) => e.consent && e.level !== null && !e.nextAppointment && !e.overdueSteps)!;
		const id = quiet.id;
		const signal = (signalId: string, level: string) => ({ signal_id: signalId, level, title: 'Un signal' });
		const cases: [string, Record<string, unknown>, { signal_id: string; level: string; title: string }[]][] = [
			['quiet', {}, []],
			['overdrawn', { overdrawn_since: '2026-11-30' }, []],
			['overdraft within 14 days', { first_overdraft: '2026-12-17' }, []],
			['overdraft in 15 days', { first_overdraft: '2026-12-18' }, []],
			['fees of the month', { fees_month_amount: 800 }, []],
			['missing income', { missing_income: 1 }, []],
			['an event signal', {}, [signal('F16_missing_priority_payment', 'high')]],
			['a watch signal', {}, [signal('F16_missing_priority_payment', 'watch')]],
			['a standing signal', {}, [signal('F12_reste_a_vivre', 'critical')]],
			['the overdraft signal', {}, [signal('F8_overdraft', 'critical')]],
			['30 days without import', { last_import_at: '2026-11-03T23:59:00.000Z' }, []],
			['29 days without import', { last_import_at: '2026-11-04T00:00:00.000Z' }, []]
		];
		const seen: Record<string, boolean> = {};
		for (const [name, set, signals] of cases) {
			await h.db
				.updateTable('caseload_row')
				.set({
					overdrawn_since: null,
					first_overdraft: null,
					fees_month_amount: 0,
					missing_income: 0,
					last_import_at: NOW.toISOString(),
					signals: JSON.stringify(
						signals.map((s) => ({ id: s.signal_id, level: s.level, title: s.title, message: '' }))
					),
					...set
				})
				.where('household_id', '=', id)
				.execute();
			await h.db.deleteFrom('caseload_signal').where('household_id', '=', id).execute();
			if (signals.length)
				await h.db
					.insertInto('caseload_signal')
					.values(
						signals.map((s, position) => ({
							household_id: id,
							organisation_id: adviser.organisationId,
							position,
							...s
						}))
					)
					.execute();
			const [ref, page] = await Promise.all([
				referenceCaseloadPage(h.db, adviser, week, NOW),
				caseloadPage(h.db, adviser, week, NOW)
			]);
			expect(
				page.entries.map((e) => e.id),
				name
			).toEqual(ref.entries.map((e) => e.id));
			expect(page.needingAttention, name).toBe(ref.needingAttention);
			seen[name] = ref.entries.some((e) => e.id === id);
		}
		expect(Object.keys(seen).filter((k) => seen[k])).toEqual([
			'overdrawn',
			'overdraft within 14 days',
			'fees of the month',
			'missing income',
			'an event signal',
			'30 days without import'
		]);
	});
});
