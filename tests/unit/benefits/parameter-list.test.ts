// The list of every default parameter version with its effective dates and source
// (src/lib/server/benefits/PARAMETERS.md, the closing note of issue #15) is generated from the default
// table and must stay equal to it. After changing parameter-data*.ts, regenerate it with
//   BGV_WRITE_PARAMETER_LIST=1 npx vitest run tests/unit/benefits/parameter-list.test.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BENEFIT_PARAMETERS as P, type BenefitParameter } from '$lib/server/benefits';

const FILE = new URL('../../../src/lib/server/benefits/PARAMETERS.md', import.meta.url);
const UNSURE = '[À VÉRIFIER';

/** Markdown text: a `*` of a path pattern (`af_cond_ress/*.yaml`) stays a star. */
const md = (s: string) => s.replace(/\*/g, '\\*');

function version(p: BenefitParameter): string {
	const to = p.effectiveTo ? ` au ${p.effectiveTo}` : '';
	return `${p.value} du ${p.effectiveFrom}${to} (${md(p.source)})`;
}

/** The versions not confirmed, one line per date and source (a barème lists its keys together). */
function unsure(params: readonly BenefitParameter[]): string[] {
	const groups = new Map<string, string[]>();
	for (const p of params.filter((x) => x.source.includes(UNSURE))) {
		const head = `du ${p.effectiveFrom} — ${md(p.source)}`;
		groups.set(head, [...(groups.get(head) ?? []), `\`${p.key}\` ${p.value}`]);
	}
	return [...groups].map(([head, keys]) => `- ${keys.join(', ')} ${head}`);
}

function render(params: readonly BenefitParameter[]): string {
	const keys = [...new Set(params.map((p) => p.key))];
	const lines = [
		'# Benefits parameters: every default version and its source',
		'',
		'Generated from `parameter-data*.ts` by tests/unit/benefits/parameter-list.test.ts (do not edit by hand).',
		`${keys.length} keys, ${params.length} versions. Each key: its unit and label, then each version (value,`,
		'effective dates, the text that set it); the first version of a key is the one in force on 2024-01-01.',
		'',
		'## Not confirmed (« [À VÉRIFIER …] » in the source)',
		'',
		...unsure(params),
		'',
		'## Every version',
		''
	];
	for (const key of keys) {
		const versions = params.filter((p) => p.key === key).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
		lines.push(`- \`${key}\` (${versions[0].unit}, ${md(versions[0].label)}) : ${versions.map(version).join(' ; ')}`);
	}
	return `${lines.join('\n')}\n`;
}

describe('PARAMETERS.md', () => {
	it('lists every default version with its source, as generated from the table', () => {
		const text = render(P);
		if (process.env.BGV_WRITE_PARAMETER_LIST === '1') writeFileSync(FILE, text);
		expect(readFileSync(FILE, 'utf8')).toBe(text);
	});
	it('names every version of the table', () => {
		const text = readFileSync(FILE, 'utf8');
		for (const p of P) expect(text, p.key).toContain(version(p));
	});
});
