/**
 * The rule-engine benchmark of the categorisation issue: the compiled engine against the straightforward
 * loop that tests every rule in turn with one regular expression per condition (as peer apps do), on the
 * same rules and labels in the same run; and re-applying rules to 10 years of a household's history.
 */
import { operatorScope } from '../auth/access';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	categorise,
	compareRules,
	compileRules,
	DEFAULT_RULES,
	foldText,
	normaliseLabel,
	type Condition,
	type Rule
} from '../rules';
import { generateTransactions } from '../rules/bench';
import { generateHousehold } from '../projection/synthetic';
import { createDb } from '../db';
import { prepareDatabase } from '../services/reference-data';
import { reapplyRules } from '../services/rules-service';

function ms(start: bigint): number {
	return Number((process.hrtime.bigint() - start) / 1000n) / 1000;
}

function escape(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One RegExp (or a numeric test) per condition, evaluated rule after rule: the naive baseline. */
function naiveMatcher(rules: readonly Rule[]) {
	const ordered = [...rules].sort(compareRules);
	type Test = (label: string, payee: string, amount: number) => boolean;
	const compiled = ordered.map((r) => {
		const tests: Test[] = r.conditions.map((c: Condition) => {
			const values = Array.isArray(c.value) ? c.value.map(String) : [String(c.value)];
			let t: Test;
			if (c.field === 'amount' && c.op === 'sign') t = (_l, _p, a) => (c.value === 'credit' ? a > 0 : a < 0);
			else if (c.field === 'label' || c.field === 'payee') {
				const alt = values.map((v) => escape(foldText(v))).join('|');
				const body =
					c.op === 'startsWith'
						? `^(?:${alt})`
						: c.op === 'equals'
							? `^(?:${alt})$`
							: c.op === 'regex'
								? values.join('|')
								: c.wholeWord
									? `(?:^|[^A-Z0-9])(?:${alt})(?![A-Z])`
									: `(?:${alt})`;
				let re: RegExp;
				try {
					re = new RegExp(body, 'i');
				} catch {
					re = /$^/;
				}
				t = c.field === 'label' ? (l) => re.test(l) : (_l, p) => re.test(p);
			} else t = () => true;
			return c.negate ? (l, p, a) => !t(l, p, a) : t;
		});
		return { id: r.id, category: r.actions.category, any: r.match === 'any', tests };
	});
	return (label: string, payee: string, amount: number): string | null => {
		for (const r of compiled) {
			if (!r.category) continue;
			const hit = r.any ? r.tests.some((t) => t(label, payee, amount)) : r.tests.every((t) => t(label, payee, amount));
			if (hit) return r.category;
		}
		return null;
	};
}

export async function benchRules(n: number, naiveSample: number) {
	const rules = DEFAULT_RULES.slice(0, 2000);
	const txs = generateTransactions(n, 7);
	const t0 = process.hrtime.bigint();
	const set = compileRules(rules);
	const compileMs = ms(t0);
	// Label normalisation happens once, at import (the normalised label and payee are stored); it is timed
	// apart. The target is about rule matching: compiled engine and naive loop get the same normalised input.
	const tn = process.hrtime.bigint();
	const normalised = txs.map((tx) => normaliseLabel(tx.rawLabel, { amount: tx.amount }));
	const normaliseMs = ms(tn);
	const t1 = process.hrtime.bigint();
	let categorised = 0;
	for (let i = 0; i < txs.length; i++)
		if (categorise(set, txs[i], normalised[i]).category !== 'uncategorised') categorised++;
	const compiledMs = ms(t1);
	// The naive loop on a sample (it is far slower), extrapolated per transaction.
	const naive = naiveMatcher(rules);
	const sample = txs.slice(0, naiveSample);
	const payees = normalised.slice(0, naiveSample).map((n) => foldText(n.payee ?? ''));
	const t2 = process.hrtime.bigint();
	for (let i = 0; i < sample.length; i++) naive(normalised[i].search, payees[i], sample[i].amount);
	const naiveMs = ms(t2);
	const naivePerTx = naiveMs / sample.length;
	const compiledPerTx = compiledMs / n;

	// Re-applying rules to 10 years of one household's history.
	const dir = mkdtempSync(join(tmpdir(), 'bgv-bench-rules-'));
	let reapplyMs: number;
	let history: number;
	try {
		const handle = createDb({ dialect: 'sqlite', path: join(dir, 'r.sqlite') });
		await prepareDatabase(handle.db);
		const now = new Date().toISOString();
		const org = await handle.db
			.insertInto('organisation')
			.values({ name: 'B', created_at: now })
			.returning('id')
			.executeTakeFirstOrThrow();
		const hh = await handle.db
			.insertInto('household')
			.values({ organisation_id: org.id, name: 'B', situation: null, created_at: now, archived_at: null })
			.returning('id')
			.executeTakeFirstOrThrow();
		const acc = await handle.db
			.insertInto('bank_account')
			.values({
				organisation_id: org.id,
				household_id: hh.id,
				name: 'CC',
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
			.executeTakeFirstOrThrow();
		const synthetic = generateHousehold({ years: 10 });
		history = synthetic.transactions.length;
		const rows = synthetic.transactions.map((t, i) => ({
			organisation_id: org.id,
			household_id: hh.id,
			account_id: acc.id,
			booking_date: t.date,
			operation_date: null,
			amount: t.amount,
			raw_label: t.normalisedLabel,
			normalised_label: t.normalisedLabel,
			payee: t.payee,
			category_id: 'uncategorised',
			category_source: 'none' as const,
			rule_id: null,
			categorised_by: null,
			categorised_at: null,
			import_batch_id: null,
			dedupe_key: `k${i}`,
			bank_id: null,
			created_at: now
		}));
		for (let i = 0; i < rows.length; i += 1000)
			await handle.db
				.insertInto('bank_transaction')
				.values(rows.slice(i, i + 1000))
				.execute();
		const t3 = process.hrtime.bigint();
		const scope = await operatorScope(handle.db, hh.id);
		if (!scope) throw new Error('bench household missing');
		await reapplyRules(handle.db, scope);
		reapplyMs = ms(t3);
		await handle.close();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	return {
		rules: rules.length,
		transactions: n,
		compileMs: Math.round(compileMs),
		normaliseMs: Math.round(normaliseMs),
		compiledMs: Math.round(compiledMs),
		compiledWithNormalisationMs: Math.round(compiledMs + normaliseMs),
		targetMs: Math.round((3000 * n) / 1_000_000),
		categorisedShare: Math.round((categorised / n) * 1000) / 1000,
		naiveSample: sample.length,
		naiveMsPerTransaction: Math.round(naivePerTx * 1000) / 1000,
		compiledMsPerTransaction: Math.round(compiledPerTx * 1000) / 1000,
		speedupOverNaive: Math.round((naivePerTx / compiledPerTx) * 10) / 10,
		targetSpeedup: 20,
		reapply10Years: { transactions: history, ms: Math.round(reapplyMs), targetMs: 1000 }
	};
}
