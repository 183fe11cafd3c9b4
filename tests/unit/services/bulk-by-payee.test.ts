import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { operatorScope, type HouseholdScope } from '$lib/server/auth/access';
import { transactionForEdit } from '$lib/server/services/transaction-list';
import { categoriseByHand, setCategoryManually } from '$lib/server/services/transactions';
import { NotFoundError } from '$lib/server/services/errors';
import { createTestDb } from '../../helpers/test-db';

/** "Toutes les opérations de ce bénéficiaire" keeps what the person classified by hand, and says how many. */
let h: DbHandle;
let scope: HouseholdScope;
let other: HouseholdScope;
const ids: Record<string, number> = {};
const NOW = '2026-12-04T09:00:00Z';

beforeAll(async () => {
	h = await createTestDb();
	const org = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'O', created_at: NOW })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	await h.db
		.insertInto('app_user')
		.values({
			organisation_id: org,
			email: 'c@b.fr',
			name: 'Conseillère',
			password_hash: null,
			role: 'adviser',
			active: 1,
			created_at: NOW,
			password_changed_at: null
		})
		.execute();
	const hh = (
		await h.db
			.insertInto('household')
			.values({ organisation_id: org, name: 'Famille Test', situation: null, created_at: NOW, archived_at: null })
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
				created_at: NOW
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	const rows: [string, string | null, 'rule' | 'manual' | 'none', string][] = [
		['edf1', 'EDF', 'rule', 'housing.energy'],
		['edf2', 'EDF', 'rule', 'housing.energy'],
		['edf3', 'EDF', 'manual', 'daily.other'],
		['edf4', 'EDF', 'manual', 'daily.other'],
		['nopayee', null, 'none', 'uncategorised']
	];
	for (const [i, [key, payee, source, category]] of rows.entries()) {
		ids[key] = (
			await h.db
				.insertInto('bank_transaction')
				.values({
					organisation_id: org,
					household_id: hh,
					account_id: account,
					booking_date: `2026-11-0${i + 1}`,
					operation_date: null,
					amount: -4520,
					raw_label: payee ? `PRLV SEPA ${payee} ${key}` : 'CB 0412 BOULANG DU COIN',
					normalised_label: key,
					payee,
					category_id: category,
					category_source: source,
					rule_id: null,
					categorised_by: null,
					categorised_at: null,
					import_batch_id: null,
					dedupe_key: key,
					bank_id: null,
					created_at: NOW,
					tags: null,
					operation_type: null
				})
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	}
	scope = (await operatorScope(h.db, hh))!;
	const otherId = (
		await h.db
			.insertInto('household')
			.values({ organisation_id: org, name: 'Autre foyer', situation: null, created_at: NOW, archived_at: null })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	other = (await operatorScope(h.db, otherId))!;
});
afterAll(async () => {
	await h.close();
});

describe('bulk change by payee', () => {
	it('the edit form knows how many of the payee’s other operations were classified by hand', async () => {
		const tx = await transactionForEdit(h.db, scope, ids.edf1);
		expect(tx.samePayee).toBe(3);
		expect(tx.samePayeeByHand).toBe(2);
	});

	it('changes the rule-classified ones, keeps the hand-classified ones and counts them', async () => {
		const r = await categoriseByHand(h.db, scope, {
			transactionId: ids.edf1,
			category: 'fixed.other_insurance',
			similar: true,
			makeRule: false
		});
		expect(r).toEqual({ changed: 2, payee: 'EDF', skipped: 2 });
		const rows = await h.db.selectFrom('bank_transaction').select(['id', 'category_id']).execute();
		const cat = new Map(rows.map((x) => [x.id, x.category_id]));
		expect([ids.edf1, ids.edf2].map((id) => cat.get(id))).toEqual(['fixed.other_insurance', 'fixed.other_insurance']);
		expect([ids.edf3, ids.edf4].map((id) => cat.get(id))).toEqual(['daily.other', 'daily.other']);
	});

	it('skips nothing without the bulk choice', async () => {
		expect((await setCategoryManually(h.db, scope, ids.edf3, 'housing.energy')).skipped).toBe(0);
	});

	it('another household’s scope neither sees nor changes these operations', async () => {
		await expect(transactionForEdit(h.db, other, ids.edf2)).rejects.toThrow(NotFoundError);
		await expect(
			categoriseByHand(h.db, other, {
				transactionId: ids.edf2,
				category: 'daily.other',
				similar: true,
				makeRule: false
			})
		).rejects.toThrow(NotFoundError);
	});

	it('an operation without a payee shows its bank label, not an empty name', async () => {
		const tx = await transactionForEdit(h.db, scope, ids.nopayee);
		expect(tx.payee).toBe('CB 0412 BOULANG DU COIN');
		expect(tx.hasPayee).toBe(false);
		expect(tx.samePayee).toBe(0);
	});
});
