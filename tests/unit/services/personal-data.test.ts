import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { sql } from 'kysely';
import { householdScope, operatorScope } from '$lib/server/auth/access';
import { loadConfig } from '$lib/server/config';
import type { DbHandle } from '$lib/server/db';
import { neutraliseCell, toCsv } from '$lib/server/services/csv-export';
import { exportHousehold } from '$lib/server/services/household-export';
import { eraseHousehold, householdActivity, householdTables } from '$lib/server/services/household-erasure';
import { createTestDb } from '../../helpers/test-db';
import { buildWorld, NOW, type World } from './personal-data-fixture';

let h: DbHandle;
let w: World;
beforeEach(async () => {
	h = await createTestDb();
	w = await buildWorld(h.db);
});
afterEach(() => h.close());

describe('CSV cells', () => {
	it('neutralises formulas in text cells, keeps amounts as numbers, BOM and semicolons', () => {
		for (const s of ['=1+1', '+33', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseCell(s)).toBe(`'${s}`);
		expect(neutraliseCell('CARREFOUR')).toBe('CARREFOUR');
		const csv = toCsv(
			[
				{ header: 'Libellé', value: (r: { l: string; a: number }) => r.l },
				{ header: 'Montant', kind: 'amount', value: (r) => r.a }
			],
			[{ l: '=cmd;"x"', a: -123456 }]
		);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(csv.slice(1)).toBe('Libellé;Montant\r\n"\'=cmd;""x""";-1234,56\r\n');
	});
});

describe('household export', () => {
	it('zips everything about the household, without password hashes, and audits it', async () => {
		const scope = (await householdScope(h.db, w.actors.memberA, w.a))!;
		const r = await exportHousehold(h.db, scope, NOW);
		expect(r.fileName).toBe(`bgv-menage-${w.a}-2026-12-03.zip`);
		const files = unzipSync(r.zip);
		expect(Object.keys(files).sort()).toEqual(
			['LISEZMOI.txt', 'comptes.csv', 'droits.csv', 'menage.json', 'operations.csv'].sort()
		);
		const json = strFromU8(files['menage.json']);
		expect(json).not.toContain('argon2');
		expect(json).not.toContain('password');
		const data = JSON.parse(json);
		expect(data.household.name).toBe('Famille Durand');
		expect(data.members.map((m: { email: string }) => m.email).sort()).toEqual([
			'alice.durand@test.fr',
			'bob.durand@test.fr'
		]);
		expect(data.transactions).toHaveLength(6);
		expect(data.accounts).toHaveLength(1);
		expect(data.profile).toMatchObject({ adults: 1, children: 2 });
		expect(data.benefits[0]).toMatchObject({ benefit: 'css', reasons: ['Vos ressources sont sous le plafond.'] });
		expect(data.auditLog.some((a: { action: string }) => a.action === 'import')).toBe(true);
		// nothing of household B or of the other organisation
		expect(json).not.toContain('LOYER');
		expect(json).not.toContain('AILLEURS');
		expect(json).not.toContain('Paula');

		expect([...files['operations.csv'].slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const ops = new TextDecoder('utf-8', { ignoreBOM: true }).decode(files['operations.csv']);
		expect(ops.charCodeAt(0)).toBe(0xfeff);
		const lines = ops.slice(1).split('\r\n');
		expect(lines[0]).toBe('Date;Date d’opération;Compte;Libellé;Bénéficiaire;Montant (€);Catégorie');
		expect(lines[1]).toBe('2026-11-01;;Compte courant;"\'=HYPERLINK(""http://evil"")";;-12,34;À catégoriser');
		for (const label of ["'+33 CB", "'-2+3", "'@SUM(A1)", "'\tTAB"]) expect(ops).toContain(`;${label};`);
		expect(lines[2]).toContain(';1500,00;');
		const audit = await h.db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'household.export')
			.executeTakeFirstOrThrow();
		expect(audit).toMatchObject({ household_id: w.a, actor_id: w.actors.memberA.id, organisation_id: w.org });
	});
});

async function rowsWithHousehold(id: number): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const table of await householdTables(h.db)) {
		const r = await sql<{
			n: number | string;
		}>`select count(*) as n from ${sql.table(table)} where household_id = ${id}`.execute(h.db);
		counts[table] = Number(r.rows[0].n);
	}
	return counts;
}

describe('household erasure', () => {
	it('removes every row with the household id and its own members, leaving others untouched', async () => {
		const beforeB = await rowsWithHousehold(w.b);
		const beforeX = await rowsWithHousehold(w.x);
		expect(Object.keys(beforeB)).toEqual(expect.arrayContaining(['bank_transaction', 'audit_log', 'consent']));
		expect((await rowsWithHousehold(w.a)).bank_transaction).toBe(6);
		const r = await eraseHousehold(h.db, { actor: w.actors.admin, confirmation: ' Famille Durand ' }, w.a, NOW);
		expect(r.users).toBe(1);
		expect(r.rows.bank_transaction).toBe(6);
		const after = await rowsWithHousehold(w.a);
		expect(Object.values(after).every((n) => n === 0)).toBe(true);
		expect(await h.db.selectFrom('household').select('id').where('id', '=', w.a).execute()).toEqual([]);
		// Alice belonged only to A; Bob also to B and stays
		const users = await h.db.selectFrom('app_user').select('email').execute();
		expect(users.map((u) => u.email)).not.toContain('alice.durand@test.fr');
		expect(users.map((u) => u.email)).toContain('bob.durand@test.fr');
		expect(await rowsWithHousehold(w.b)).toEqual(beforeB);
		expect(await rowsWithHousehold(w.x)).toEqual(beforeX);
		const entry = await h.db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'household.erased')
			.executeTakeFirstOrThrow();
		expect(entry).toMatchObject({ household_id: null, target_type: 'household', target_id: String(w.a), ip: null });
		const text = JSON.stringify(entry);
		for (const personal of ['Durand', 'alice', '@', 'CARREFOUR']) expect(text).not.toContain(personal);
		expect(JSON.parse(entry.details!)).toMatchObject({ users: 1, rows: { bank_transaction: 6, household: 1 } });
	});

	it('needs the name typed, and an admin of the household’s organisation', async () => {
		await expect(eraseHousehold(h.db, { actor: w.actors.admin, confirmation: 'Famille' }, w.a, NOW)).rejects.toThrow(
			/Recopiez le nom/
		);
		for (const actor of [w.actors.otherAdmin, w.actors.platformAdminOther, w.actors.adviser, w.actors.memberA])
			await expect(eraseHousehold(h.db, { actor, confirmation: 'Famille Durand' }, w.a, NOW)).rejects.toThrow(
				'Ménage introuvable.'
			);
		expect((await rowsWithHousehold(w.a)).bank_transaction).toBe(6);
	});

	it('works for the operator (command line)', async () => {
		const r = await eraseHousehold(h.db, { operator: true }, w.x, NOW);
		expect(r.users).toBe(0);
		expect(Object.values(await rowsWithHousehold(w.x)).every((n) => n === 0)).toBe(true);
		expect(await operatorScope(h.db, w.x)).toBeNull();
	});
});

describe('retention', () => {
	it('reads RETENTION_MONTHS like the other settings', () => {
		expect(loadConfig({}).retentionMonths).toBe(24);
		expect(loadConfig({ RETENTION_MONTHS: '36' }).retentionMonths).toBe(36);
		expect(() => loadConfig({ RETENTION_MONTHS: '0' })).toThrow(/RETENTION_MONTHS must be a positive integer/);
	});

	it('flags households without login, import or adviser action for the retention period', async () => {
		await h.db.updateTable('household').set({ created_at: '2024-01-10T00:00:00.000Z' }).execute();
		await h.db.updateTable('audit_log').set({ at: '2024-02-01T00:00:00.000Z' }).execute();
		// A: a member's login 3 months ago; B: an adviser's action 26 months ago; X: nothing since 2024-01
		await h.db
			.insertInto('audit_log')
			.values(
				[
					{
						organisation_id: w.org,
						household_id: null,
						actor_id: w.actors.memberA.id,
						action: 'login',
						at: '2026-09-01T08:00:00Z'
					},
					{
						organisation_id: w.org,
						household_id: w.b,
						actor_id: w.actors.adviserNoConsent.id,
						action: 'invitation.created',
						at: '2024-09-20T08:00:00Z'
					}
				].map((e) => ({ target_type: null, target_id: null, details: null, ip: null, ...e }))
			)
			.execute();
		const list = await householdActivity(h.db, 24, NOW, null);
		const byId = new Map(list.map((x) => [x.id, x]));
		expect(byId.get(w.a)).toMatchObject({ flagged: false, inactiveMonths: 3 });
		expect(byId.get(w.b)).toMatchObject({ flagged: true, inactiveMonths: 26, lastActivity: '2024-09-20T08:00:00Z' });
		expect(byId.get(w.x)).toMatchObject({ flagged: true, inactiveMonths: 34 });
		expect((await householdActivity(h.db, 30, NOW, w.org)).map((x) => [x.id, x.flagged])).toEqual([
			[w.a, false],
			[w.b, false]
		]);
	});
});
