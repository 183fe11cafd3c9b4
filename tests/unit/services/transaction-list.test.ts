import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { operatorScope, type HouseholdScope } from '$lib/server/auth/access';
import { dayHeadingFr, transactionDays, transactionForEdit } from '$lib/server/services/transaction-list';
import { NotFoundError } from '$lib/server/services/errors';
import { createTestDb } from '../../helpers/test-db';

let h: DbHandle;
let scope: HouseholdScope;
let otherScope: HouseholdScope;
let firstTx: number;
const now = '2026-11-28T10:00:00.000Z';

async function household(org: number, name: string): Promise<{ hh: number; account: number }> {
	const hh = (
		await h.db
			.insertInto('household')
			.values({ organisation_id: org, name, situation: null, created_at: now, archived_at: null })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	const account = (
		await h.db
			.insertInto('bank_account')
			.values({
				organisation_id: org,
				household_id: hh,
				name: 'Compte courant',
				bank: null,
				account_number: null,
				iban: null,
				currency: 'EUR',
				overdraft_limit: null,
				overdraft_rate_bp: null,
				csv_mapping: null,
				created_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	return { hh, account };
}

beforeAll(async () => {
	h = await createTestDb();
	const org = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'O', created_at: now })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	const { hh, account } = await household(org, 'Famille Martin');
	const other = await household(org, 'Famille Bernard');
	const tx = (date: string, amount: number, label: string, category = 'uncategorised') => ({
		organisation_id: org,
		household_id: hh,
		account_id: account,
		booking_date: date,
		operation_date: null,
		amount,
		raw_label: label,
		normalised_label: label,
		payee: label,
		category_id: category,
		category_source: 'none' as const,
		rule_id: null,
		categorised_by: null,
		categorised_at: null,
		import_batch_id: null,
		dedupe_key: `${date}-${amount}-${label}`,
		bank_id: null,
		created_at: now,
		tags: null,
		operation_type: null
	});
	const ids = await h.db
		.insertInto('bank_transaction')
		.values([
			tx('2026-10-12', -1050, 'INTERMARCHE', 'daily.groceries'),
			tx('2026-10-12', -250, 'INTERMARCHE'),
			tx('2026-10-14', 120000, 'CAF DE LA GIRONDE'),
			tx('2026-10-20', -3333, 'EDF'),
			tx('2026-11-02', -100, 'EDF')
		])
		.returning('id')
		.execute();
	firstTx = ids[0].id;
	// known balance on 14/10 after that day's operations: 500,00 €
	await h.db
		.insertInto('account_balance')
		.values({
			organisation_id: org,
			household_id: hh,
			account_id: account,
			date: '2026-10-14',
			amount: 50000,
			source: 'statement',
			import_batch_id: null,
			created_at: now
		})
		.execute();
	scope = (await operatorScope(h.db, hh))!;
	otherScope = (await operatorScope(h.db, other.hh))!;
});
afterAll(async () => {
	await h.close();
});

describe('transaction list by day', () => {
	it('writes day headings in French', () => {
		expect(dayHeadingFr('2026-10-12')).toBe('Lundi 12 octobre');
	});

	it('groups the month by day with the balance at the end of each day, in cents', async () => {
		const r = await transactionDays(h.db, scope, { month: '2026-10' });
		expect(r.days.map((d) => [d.date, d.rows.length, d.balance])).toEqual([
			['2026-10-20', 1, 46667],
			['2026-10-14', 1, 50000],
			['2026-10-12', 2, -70000]
		]);
		expect(r.days[2].heading).toBe('Lundi 12 octobre');
		expect(r.days[2].rows[0].payee).toBe('Intermarché');
		expect(r.days[2].rows[0].why).toBe('Pas encore classée');
	});

	it('keeps the balance of the account when the list is filtered', async () => {
		const r = await transactionDays(h.db, scope, { month: '2026-10', search: 'edf' });
		expect(r.days.map((d) => [d.date, d.balance])).toEqual([['2026-10-20', 46667]]);
	});

	it('opens a filtered list on the latest month that has a matching operation', async () => {
		expect((await transactionDays(h.db, scope, {})).month).toBe('2026-11');
		const groceries = await transactionDays(h.db, scope, { category: 'daily.groceries' });
		expect(groceries.month).toBe('2026-10');
		expect(groceries.count).toBe(1);
		// a month asked for is kept, even when it has nothing in the category
		expect((await transactionDays(h.db, scope, { month: '2026-11', category: 'daily.groceries' })).count).toBe(0);
	});

	it('gives the edit form one operation with the count of the same payee, only in its household', async () => {
		const t = await transactionForEdit(h.db, scope, firstTx);
		expect(t.samePayee).toBe(1);
		expect(t.month).toBe('2026-10');
		await expect(transactionForEdit(h.db, otherScope, firstTx)).rejects.toBeInstanceOf(NotFoundError);
	});
});
