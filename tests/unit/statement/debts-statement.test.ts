// The debts register (suggestions from recurring credit debits, confirm, dismiss, edit) and the budget
// statement built from the imported demo statements, its line edits, its PDF, and `bgv statement`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { importFile } from '$lib/server/services/import-service';
import { operatorScope, type HouseholdScope } from '$lib/server/auth/access';
import {
	addDebt,
	confirmSuggestion,
	debtFromForm,
	debtSuggestions,
	deleteDebt,
	dismissSuggestion,
	listDebts,
	updateDebt
} from '$lib/server/services/debts';
import {
	clearLineEdit,
	householdStatement,
	saveLineEdit,
	statementMonths
} from '$lib/server/services/statement-service';
import { renderStatementPdf } from '$lib/server/services/statement-pdf';
import { InputError, NotFoundError } from '$lib/server/services/errors';
import { runCli } from '$lib/server/cli/run';
import type { CliIo } from '$lib/server/cli/types';
import { formatEur } from '$lib/money';
import { DEMO_SCENARIOS, generateTransactions, renderStatement } from '$db/seeds/demo-statements';
import { createTestDatabaseUrl, createTestDb } from '../../helpers/test-db';
import { pdfAllText } from '../../helpers/pdf-text';

const NOW = new Date('2026-12-03T10:00:00Z');
const AS_OF = '2026-12-03';
let h: DbHandle;
let scope: HouseholdScope;
let other: HouseholdScope;

function martinFile() {
	const scenario = DEMO_SCENARIOS.find((s) => s.household === 'Famille Martin')!;
	const txs = generateTransactions(scenario, '2025-10-01', 14, '2026-11-27', 7);
	return renderStatement(scenario, txs);
}

async function household(name: string, org: number): Promise<HouseholdScope> {
	const id = (
		await h.db
			.insertInto('household')
			.values({ organisation_id: org, name, situation: null, created_at: NOW.toISOString(), archived_at: null })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	return (await operatorScope(h.db, id))!;
}

beforeAll(async () => {
	h = await createTestDb();
	const org = (
		await h.db
			.insertInto('organisation')
			.values({ name: 'O', created_at: NOW.toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	scope = await household('Famille Martin', org);
	other = await household('Autre', org);
	const file = martinFile();
	const r = await importFile(
		h.db,
		scope,
		{ fileName: file.fileName, bytes: new TextEncoder().encode(file.content), accountName: 'Compte courant' },
		{ now: NOW }
	);
	expect(r.status).toBe('imported');
});
afterAll(async () => {
	await h.close();
});

describe('debts register', () => {
	it('suggests the recurring Cofidis debit, pre-filled', async () => {
		const s = await debtSuggestions(h.db, scope, AS_OF);
		const cofidis = s.find((x) => /cofidis/i.test(x.creditor));
		expect(cofidis).toMatchObject({ instalment: 9500, kind: 'renouvelable' });
		expect(cofidis!.occurrences).toBeGreaterThanOrEqual(12);
		// rent, energy, telecom are recurring too, but not credits
		expect(s.every((x) => /cofidis|floa|oney|cetelem|sofinco|franfinance/i.test(x.creditor))).toBe(true);
	});

	it('confirms a suggestion into a debt, which then is no longer suggested', async () => {
		const key = (await debtSuggestions(h.db, scope, AS_OF))[0].key;
		const id = await confirmSuggestion(h.db, scope, key, AS_OF, NOW);
		const debts = await listDebts(h.db, scope);
		expect(debts).toHaveLength(1);
		expect(debts[0]).toMatchObject({ id, instalment: 9500, outstanding: 0, status: 'en_cours', sourceKey: key });
		expect((await debtSuggestions(h.db, scope, AS_OF)).map((x) => x.key)).not.toContain(key);
		await expect(confirmSuggestion(h.db, scope, key, AS_OF, NOW)).rejects.toBeInstanceOf(NotFoundError);
	});

	it('a dismissed suggestion stays dismissed (even once its debt is deleted)', async () => {
		const [d] = await listDebts(h.db, scope);
		await deleteDebt(h.db, scope, d.id, NOW);
		expect((await debtSuggestions(h.db, scope, AS_OF)).map((x) => x.key)).toContain(d.sourceKey);
		await dismissSuggestion(h.db, scope, d.sourceKey!, NOW);
		await dismissSuggestion(h.db, scope, d.sourceKey!, NOW); // twice is fine
		expect((await debtSuggestions(h.db, scope, AS_OF)).map((x) => x.key)).not.toContain(d.sourceKey);
	});

	it('reads the form with French messages naming the field', () => {
		const f = new FormData();
		f.set('creditor', '');
		f.set('kind', 'casino');
		f.set('outstanding', 'beaucoup');
		f.set('startDate', '2026-13-01');
		const { input, errors } = debtFromForm(f);
		expect(input).toBeNull();
		expect(errors.creditor).toMatch(/^Créancier/);
		expect(errors.kind).toMatch(/^Type de dette/);
		expect(errors.outstanding).toMatch(/^Capital restant dû/);
		expect(errors.startDate).toMatch(/^Date de début/);
		const g = new FormData();
		for (const [k, v] of Object.entries({
			creditor: 'SCI Les Tilleuls',
			kind: 'loyer',
			outstanding: '1 240,00',
			instalment: '50',
			arrears: '1 240',
			status: 'plan',
			startDate: '2026-06-01'
		}))
			g.set(k, v);
		expect(debtFromForm(g)).toEqual({
			input: {
				creditor: 'SCI Les Tilleuls',
				kind: 'loyer',
				outstanding: 124000,
				instalment: 5000,
				arrears: 124000,
				status: 'plan',
				startDate: '2026-06-01'
			},
			errors: {}
		});
	});

	it('adds, orders priority debts first, updates; another household’s debt is not found', async () => {
		const base = { outstanding: 300000, instalment: 12000, arrears: 0, startDate: null, status: 'en_cours' as const };
		await addDebt(h.db, scope, { ...base, creditor: 'Sofinco', kind: 'renouvelable' }, { now: NOW });
		const rent = await addDebt(
			h.db,
			scope,
			{ ...base, creditor: 'SCI Les Tilleuls', kind: 'loyer', instalment: 5000, arrears: 124000 },
			{ now: NOW }
		);
		expect((await listDebts(h.db, scope)).map((d) => d.creditor)).toEqual(['SCI Les Tilleuls', 'Sofinco']);
		await updateDebt(
			h.db,
			scope,
			rent,
			{ ...base, creditor: 'SCI Les Tilleuls', kind: 'loyer', instalment: 6000, arrears: 118000, status: 'plan' },
			NOW
		);
		expect((await listDebts(h.db, scope))[0]).toMatchObject({ instalment: 6000, arrears: 118000, status: 'plan' });
		await expect(updateDebt(h.db, other, rent, { ...base, creditor: 'x', kind: 'autre' }, NOW)).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(deleteDebt(h.db, other, rent, NOW)).rejects.toBeInstanceOf(NotFoundError);
		expect(await listDebts(h.db, other)).toEqual([]);
		await expect(addDebt(h.db, scope, { ...base, creditor: ' ', kind: 'autre' })).rejects.toBeInstanceOf(InputError);
	});
});

describe('budget statement', () => {
	it('takes the 3 complete months before the date, or those the statements reach', () => {
		expect(statementMonths('2026-12-03', '2026-11-27')).toEqual(['2026-09', '2026-10', '2026-11']);
		expect(statementMonths('2026-12-03', '2026-07-14')).toEqual(['2026-05', '2026-06', '2026-07']);
		expect(statementMonths('2026-03-01', null)).toEqual(['2025-12', '2026-01', '2026-02']);
	});

	it('groups the household’s statements and debts, with traceable lines', async () => {
		const v = await householdStatement(h.db, scope, AS_OF);
		const s = v.statement;
		expect(s.months).toEqual(['2026-09', '2026-10', '2026-11']);
		const line = (k: string) => [...s.resources.lines, ...s.charges.lines].find((l) => l.key === k)!;
		expect(line('charge:rent').amount).toBe(62000);
		expect(line('charge:rent').transactions).toHaveLength(3);
		expect(line('charge:energy').amount).toBe(8900);
		expect(line('resource:family').amount).toBe(15191);
		expect(line('resource:housing_aid').amount).toBe(30484);
		expect(s.resources.total).toBe(s.resources.lines.reduce((a, l) => a + l.amount, 0));
		expect(s.debts.lines.map((d) => d.creditor)).toEqual(['SCI Les Tilleuls', 'Sofinco']);
		expect(s.debts.instalments).toBe(18000);
		expect(s.resteAVivre).toBe(s.resources.total - s.charges.total - 18000);
		expect(s.rsaHousehold).toBe(65169); // no profile: one adult, RSA of 01/04/2026
		expect(s.capacity.value).toBe(
			Math.max(0, Math.min(s.resources.total - s.charges.total, s.seizable, s.resources.total - 65169))
		);
	});

	it('stores an adviser’s edit, says so, and clears it', async () => {
		await saveLineEdit(h.db, scope, { key: 'charge:energy', amount: 12000, note: 'régularisation EDF' }, NOW);
		await saveLineEdit(h.db, scope, { key: 'charge:energy', amount: 11000, note: 'régularisation EDF' }, NOW);
		let energy = (await householdStatement(h.db, scope, AS_OF)).statement.charges.lines.find(
			(l) => l.key === 'charge:energy'
		)!;
		expect(energy).toMatchObject({ amount: 11000, computed: 8900, edited: true, note: 'régularisation EDF' });
		expect((await householdStatement(h.db, other, AS_OF)).statement.charges.lines.every((l) => !l.edited)).toBe(true);
		await expect(saveLineEdit(h.db, scope, { key: 'charge:casino', amount: 1, note: null })).rejects.toBeInstanceOf(
			InputError
		);
		await expect(saveLineEdit(h.db, scope, { key: 'charge:rent', amount: -1, note: null })).rejects.toBeInstanceOf(
			InputError
		);
		await clearLineEdit(h.db, scope, 'charge:energy', NOW);
		energy = (await householdStatement(h.db, scope, AS_OF)).statement.charges.lines.find(
			(l) => l.key === 'charge:energy'
		)!;
		expect(energy.edited).toBe(false);
	});

	it('renders a one- or two-page PDF holding the totals', async () => {
		await saveLineEdit(h.db, scope, { key: 'charge:water', amount: 2500, note: null }, NOW);
		const v = await householdStatement(h.db, scope, AS_OF);
		const pdf = await renderStatementPdf(v, { now: NOW, compress: false });
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
		expect(pages).toBeGreaterThanOrEqual(1);
		expect(pages).toBeLessThanOrEqual(2);
		const text = pdfAllText(pdf).replace(/[\u00a0\u202f]/g, ' ');
		const eur = (c: number) => formatEur(c).replace(/[\u00a0\u202f]/g, ' ');
		expect(text).toContain('Relevé budgétaire');
		expect(text).toContain('Famille Martin');
		expect(text).toContain('Total des ressources');
		expect(text).toContain(eur(v.statement.resources.total));
		expect(text).toContain(eur(v.statement.charges.total));
		expect(text).toContain(eur(v.statement.resteAVivre));
		expect(text).toContain(eur(v.statement.capacity.value));
		expect(text).toContain('Eau *');
		expect(text).toContain('SCI Les Tilleuls');
	});
});

describe('bgv statement', () => {
	it('prints the figures and writes the PDF and the CSV', async () => {
		const t = await createTestDatabaseUrl();
		const dir = mkdtempSync(join(tmpdir(), 'bgv-statement-'));
		const file = martinFile();
		const out: string[] = [];
		const io: CliIo = {
			out: (x) => void out.push(x),
			err: () => undefined,
			readLines: async function* () {},
			readFile: async () => new TextEncoder().encode(file.content)
		};
		const env = { DATABASE_URL: t.url };
		try {
			expect(await runCli(['household', 'create', '--name', 'Famille CLI', '--json'], io, env)).toBe(0);
			const id = JSON.parse(out.pop()!).id as string;
			expect(await runCli(['import', '--household', id, '--json', file.fileName], io, env)).toBe(0);
			out.length = 0;
			const pdf = join(dir, 'r.pdf');
			const csv = join(dir, 'r.csv');
			const args = ['statement', '--household', id, '--date', AS_OF, '--json', '--pdf', pdf, '--csv', csv];
			expect(await runCli(args, io, env)).toBe(0);
			const j = JSON.parse(out[0]);
			expect(j.months).toEqual(['2026-09', '2026-10', '2026-11']);
			expect(j.charges.lines.find((l: { key: string }) => l.key === 'charge:rent').amount).toBe('620.00');
			expect(j.capacity.formula).toMatch(/min/);
			expect(j.resteAVivre).toMatch(/^-?\d+\.\d\d$/);
			expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
			const text = readFileSync(csv, 'utf8');
			expect(text.charCodeAt(0)).toBe(0xfeff);
			expect(text).toContain(`Total des ressources;${j.resources.total.replace('.', ',')}`);
			const bad: string[] = [];
			const badIo = { ...io, out: (x: string) => void bad.push(x) };
			expect(await runCli(['statement', '--household', '999999', '--json'], badIo, env)).toBe(2);
			expect(JSON.parse(bad[0]).error.message).toMatch(/inconnu/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
			await t.drop();
		}
	});
});
