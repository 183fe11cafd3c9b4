// The fee check through the service and the command line on an imported statement, the letter's text and
// PDF (its extracted text holds the totals), and the letters kept in the household's file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DbHandle } from '$lib/server/db';
import { householdScope, operatorScope } from '$lib/server/auth/access';
import { runCli } from '$lib/server/cli/run';
import type { CliIo } from '$lib/server/cli/types';
import { openDatabase } from '$lib/server/services/reference-data';
import { parseDatabaseUrl } from '$lib/server/config';
import { householdFees, letterById, listLetters, saveLetter } from '$lib/server/services/fees-service';
import { feeLetterText, renderLetterPdf } from '$lib/server/services/fee-letter';
import { InputError } from '$lib/server/services/errors';
import { pdfAllText } from '../../helpers/pdf-text';
import { createTestDatabaseUrl } from '../../helpers/test-db';
import { feeWorld } from './fixture';

const env: Record<string, string> = {};
let drop: () => Promise<void>;
let h: DbHandle;
let world: Awaited<ReturnType<typeof feeWorld>>;
const NOW = new Date('2026-12-03T10:00:00Z');

beforeAll(async () => {
	const t = await createTestDatabaseUrl();
	env.DATABASE_URL = t.url;
	drop = t.drop;
	h = await openDatabase(parseDatabaseUrl(t.url));
	world = await feeWorld(h.db);
});
afterAll(async () => {
	await h.close();
	await drop();
});

function io() {
	const out: string[] = [];
	const err: string[] = [];
	const value: CliIo = {
		out: (t) => void out.push(t),
		err: (t) => void err.push(t),
		readLines: async function* () {},
		readFile: async () => new Uint8Array()
	};
	return { out, err, io: value };
}

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the fee check of an imported statement', () => {
	it('finds the months above the caps, with the transactions as evidence', async () => {
		const scope = (await operatorScope(h.db, world.households.household))!;
		const v = await householdFees(h.db, scope);
		expect(v.accounts[0].maskedNumber).toBe('•••• 5678');
		expect(v.check.months.map((m) => [m.month, m.interventionCount, m.incidentTotal, m.reclaimable])).toEqual([
			['2026-09', 14, 15200, 5200],
			['2026-10', 5, 4000, 0]
		]);
		const sept = v.check.months[0];
		expect(sept.breaches.map((b) => b.kind)).toEqual(['intervention_month', 'rejection_represented']);
		expect(sept.lines).toHaveLength(16);
		const txIds = new Set(
			(
				await h.db.selectFrom('bank_transaction').select('id').where('household_id', '=', scope.householdId).execute()
			).map((r) => r.id)
		);
		for (const b of sept.breaches) for (const id of b.evidence) expect(txIds.has(id)).toBe(true);
		expect(v.check.reclaimable).toBe(5200);
		const fragile = await householdFees(h.db, scope, { fragile: true });
		expect(fragile.check.reclaimable).toBe(5200 + 7500 + 1500);
	});

	it('refuses badly written months, naming the field', async () => {
		const scope = (await operatorScope(h.db, world.households.household))!;
		await expect(householdFees(h.db, scope, { from: '2026-13' })).rejects.toThrow(InputError);
		await expect(householdFees(h.db, scope, { from: '2026-10', to: '2026-09' })).rejects.toMatchObject({
			field: 'from'
		});
	});
});

describe('bgv fees', () => {
	it('prints the contract JSON', async () => {
		const a = io();
		expect(await runCli(['fees', '--household', String(world.households.household), '--json'], a.io, env)).toBe(0);
		expect(a.out).toHaveLength(1);
		const json = JSON.parse(a.out[0]);
		expect(Object.keys(json)).toEqual(['months', 'reclaimable']);
		expect(json.reclaimable).toBe('52.00');
		expect(json.months[0]).toEqual({
			month: '2026-09',
			interventionCount: 14,
			interventionTotal: '112.00',
			rejectionTotal: '40.00',
			incidentTotal: '152.00',
			reclaimable: '52.00',
			reasons: [expect.stringContaining('80,00'), expect.stringContaining('présenté à nouveau')]
		});
		expect(json.months[1]).toMatchObject({ month: '2026-10', interventionCount: 5, reclaimable: '0.00', reasons: [] });
	});

	it('applies --fragile, --ocf, --from and --to', async () => {
		const id = String(world.households.household);
		const a = io();
		expect(await runCli(['fees', '--household', id, '--fragile', '--json'], a.io, env)).toBe(0);
		expect(JSON.parse(a.out[0]).reclaimable).toBe('142.00');
		const b = io();
		expect(
			await runCli(['fees', '--household', id, '--ocf', '--from', '2026-10', '--to', '2026-10', '--json'], b.io, env)
		).toBe(0);
		const ocf = JSON.parse(b.out[0]);
		expect(ocf.months.map((m: { month: string }) => m.month)).toEqual(['2026-10']);
		expect(ocf.reclaimable).toBe('20.00'); // 5 commissions: 40 € above 20 € a month for an OCF holder
	});

	it('rejects an unknown household or a bad month with exit 2', async () => {
		const a = io();
		expect(await runCli(['fees', '--household', '999999', '--json'], a.io, env)).toBe(2);
		expect(JSON.parse(a.out[0]).error.message).toMatch(/inconnu/);
		const b = io();
		expect(
			await runCli(['fees', '--household', String(world.households.household), '--from', 'sept', '--json'], b.io, env)
		).toBe(2);
		expect(JSON.parse(b.out[0]).error.message).toMatch(/AAAA-MM/);
	});

	it('writes the letter to the bank as a PDF', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'bgv-fees-'));
		try {
			const file = join(dir, 'lettre.pdf');
			const a = io();
			expect(
				await runCli(['fees', '--household', String(world.households.household), '--letter', file, '--json'], a.io, env)
			).toBe(0);
			const pdf = readFileSync(file);
			expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
			const text = nbsp(pdfAllText(pdf));
			expect(text).toContain('52,00 €');
			expect(text).toContain('septembre 2026');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('the letter to the bank', () => {
	it('holds the holder, the masked account, the months, the references and both requests', async () => {
		const scope = (await operatorScope(h.db, world.households.household))!;
		const view = await householdFees(h.db, scope, { fragile: true });
		const text = feeLetterText(view, NOW);
		expect(text).toContain('Famille Frais');
		expect(text).toContain('Compte : •••• 5678');
		expect(text).not.toContain('00012345678');
		expect(text).toContain('Le 03/12/2026');
		expect(nbsp(text)).toContain(
			"septembre 2026 : 152,00 € de frais d'incident prélevés, dont 127,00 € au-delà des plafonds"
		);
		expect(nbsp(text)).toContain('octobre 2026 : 40,00 €');
		expect(nbsp(text)).toContain('Au total, 142,00 €');
		expect(text).toContain('R312-4-1');
		expect(text).toContain('D133-6');
		expect(text).toContain('L312-1-3');
		expect(text).toContain('rembourser');
		expect(text).toContain('offre spécifique');

		const pdf = await renderLetterPdf(text, { now: NOW, compress: false });
		const pdfText = nbsp(pdfAllText(pdf));
		expect(pdfText).toContain('Au total, 142,00 €');
		expect(pdfText).toContain('127,00 €');
		expect(pdfText).toContain('•••• 5678');
		expect(pdfText).toContain('Lettre préparée avec BGV le 03/12/2026');
	});

	it('an edited letter is kept in the household file and is what the PDF prints', async () => {
		const scope = (await householdScope(h.db, world.actors.adviser, world.households.household))!;
		const body = 'Madame, Monsieur,\n\nJe demande le remboursement de 99,99 € (texte modifié).\n\nSophie';
		const id = await saveLetter(h.db, scope, 'fee_claim', body, NOW);
		const list = await listLetters(h.db, scope);
		expect(list).toEqual([
			expect.objectContaining({
				id,
				kind: 'fee_claim',
				title: 'Réclamation de frais bancaires',
				body,
				author: 'adviser'
			})
		]);
		const letter = await letterById(h.db, scope, id);
		const pdfText = pdfAllText(await renderLetterPdf(letter.body, { now: NOW, compress: false }));
		expect(pdfText).toContain('99,99 € (texte modifié)');
		await expect(saveLetter(h.db, scope, 'fee_claim', '   ', NOW)).rejects.toMatchObject({ field: 'body' });
		const row = await h.db.selectFrom('household_letter').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			organisation_id: scope.organisationId,
			household_id: scope.householdId,
			created_by: world.actors.adviser.id
		});
		const audit = await h.db
			.selectFrom('audit_log')
			.select('action')
			.where('target_type', '=', 'household_letter')
			.execute();
		expect(audit.map((a) => a.action)).toEqual(['letter.save']);
	});
});
