// `bgv plan --household ID --json`: the contract's shape (money as "32.00" strings or null, a status).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '$lib/server/cli/run';
import type { CliIo } from '$lib/server/cli/types';
import { createTestDatabaseUrl } from '../../helpers/test-db';

const env: Record<string, string> = {};
let drop: () => Promise<void>;
beforeAll(async () => {
	const t = await createTestDatabaseUrl();
	env.DATABASE_URL = t.url;
	drop = t.drop;
});
afterAll(() => drop());

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

const MONEY = /^\d+\.\d{2}$/;

describe('bgv plan', () => {
	it('prints the ranked actions of a household as the contract says', async () => {
		expect(await runCli(['migrate', '--json'], io().io, env)).toBe(0);
		const seed = io();
		expect(await runCli(['seed', '--demo', '--json'], seed.io, env)).toBe(0);
		const martin = JSON.parse(seed.out[0]).households['Famille Martin'];
		const a = io();
		expect(await runCli(['plan', '--household', String(martin), '--json'], a.io, env)).toBe(0);
		const { actions } = JSON.parse(a.out[0]);
		expect(actions.length).toBeGreaterThan(0);
		for (const x of actions) {
			expect(Object.keys(x)).toEqual(
				expect.arrayContaining([
					'kind',
					'title',
					'monthlyImpact',
					'oneOffImpact',
					'confidence',
					'evidence',
					'step',
					'status'
				])
			);
			for (const m of [x.monthlyImpact, x.oneOffImpact]) if (m !== null) expect(m).toMatch(MONEY);
			expect(['high', 'medium', 'low']).toContain(x.confidence);
			expect(x.status).toBe('open');
		}
		const fee = actions.find((x: { kind: string }) => x.kind === 'fee_refund');
		expect(fee.oneOffImpact).toMatch(MONEY);
		expect(fee.monthlyImpact).toBeNull();
	}, 60_000);

	it('refuses an unknown household', async () => {
		const a = io();
		expect(await runCli(['plan', '--household', '999999', '--json'], a.io, env)).not.toBe(0);
	});
});
