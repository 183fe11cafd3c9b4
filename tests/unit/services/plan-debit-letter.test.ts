// The letter asking a creditor to take a direct debit after the income day, from the plan's overdraft
// action: the series it names, the day asked, the PDF, and who may open it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '$lib/server/db';
import { householdScope, type HouseholdScope } from '$lib/server/auth/access';
import type { Actor } from '$lib/server/auth/session';
import { householdPlan } from '$lib/server/services/plan';
import { planDebitLetter, planDebitLetterPdf } from '$lib/server/services/plan-debit-letter';
import { NotFoundError } from '$lib/server/services/errors';
import { seedDemo } from '$db/seeds/demo';
import { createTestDb } from '../../helpers/test-db';
import { actorsByRole } from '../../helpers/demo-actors';

let h: DbHandle;
let actors: Record<string, Actor>;
let moreau: number;
let bernard: number;
const NOW = new Date('2026-12-04T09:30:00Z');
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

beforeAll(async () => {
	h = await createTestDb();
	const seed = await seedDemo(h.db, NOW);
	moreau = seed.households['M. et Mme Moreau'];
	bernard = seed.households['M. et Mme Bernard'];
	actors = await actorsByRole(h.db, seed.organisationId);
}, 120_000);
afterAll(async () => {
	await h.close();
});

const scopeOf = async (role: string, household: number): Promise<HouseholdScope> => {
	const s = await householdScope(h.db, actors[role], household);
	if (!s) throw new Error(`no scope for ${role} on ${household}`);
	return s;
};

describe('the letter to move a direct debit', () => {
	it('is the step of the coming overdraft: the credit debited before the salary, asked after it', async () => {
		const scope = await scopeOf('adviser', moreau);
		const plan = await householdPlan(h.db, scope, NOW);
		const overdraft = plan.actions.find((a) => a.kind === 'overdraft_avoid');
		expect(overdraft).toBeDefined();
		expect(plain(overdraft!.step.options[0])).toMatch(
			/^Demander à Cetelem de prélever 210,00 € après le 28\/12\/2026 \(arrivée de .*\) au lieu du 07\/12\/2026 : la lettre nomme ce prélèvement\.$/
		);
		const href = overdraft!.link!.href;
		expect(href.startsWith(`/households/${moreau}/plan/debit-letter?serie=`)).toBe(true);
		const series = decodeURIComponent(href.split('serie=')[1]);

		const letter = await planDebitLetter(h.db, scope, series, NOW);
		expect(letter.creditor).toBe('Cetelem');
		expect(letter.amount).toBe(21000);
		// the salary arrives around the 28th: 28 + 2 days is past the 28th every month has, so the 1st
		expect(letter.askedDay).toBe(1);
		const body = plain(letter.body);
		expect(body).toContain('Objet : demande de changement de la date de prélèvement');
		expect(body).toContain('Vous prélevez chaque mois environ 210,00 € sur mon compte, vers le 7 du mois');
		expect(body).toContain('Je vous demande de bien vouloir fixer la date de prélèvement au 1er de chaque mois');
		expect(body.split('\n')[0]).toBe('M. et Mme Moreau');

		const { pdf, filename } = await planDebitLetterPdf(h.db, scope, series, NOW);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(filename).toBe('bgv-lettre-date-prelevement-2026-12-04.pdf');
	});

	it('is refused for a series the household does not have, or a credit', async () => {
		const scope = await scopeOf('adviser', moreau);
		await expect(planDebitLetter(h.db, scope, 'nope', NOW)).rejects.toBeInstanceOf(NotFoundError);
		const plan = await householdPlan(h.db, scope, NOW);
		const href = plan.actions.find((a) => a.kind === 'overdraft_avoid')!.link!.href;
		const series = decodeURIComponent(href.split('serie=')[1]);
		// another household's scope does not find this household's series
		const other = await scopeOf('adviser', bernard);
		await expect(planDebitLetter(h.db, other, series, NOW)).rejects.toBeInstanceOf(NotFoundError);
	});
});
