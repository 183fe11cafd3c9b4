import { describe, expect, it } from 'vitest';
import { parseWhatIf, whatIfQuery } from '$lib/what-if';

const parse = (q: string) => parseWhatIf(new URLSearchParams(q));

describe('parseWhatIf: the compact URL parameters still work', () => {
	it('reads add, skip and move', () => {
		const r = parse('add=2026-12-15|Prime|150,00&skip=s:loyer:2026-12-05&move=s:edf:2026-12-10@2026-12-17');
		expect(r.whatIf).toEqual({
			additions: [{ date: '2026-12-15', label: 'Prime', amount: 15000 }],
			skips: ['s:loyer:2026-12-05'],
			moves: [{ eventKey: 's:edf:2026-12-10', newDate: '2026-12-17' }]
		});
		expect(r.active).toBe(true);
		expect(r.errors).toEqual({});
	});

	it('leaves out unreadable compact parameters without an error, as before', () => {
		const r = parse('add=2026-13-45|Prime|150&add=2026-12-15|Prime|abc&move=k@demain&skip=');
		expect(r.whatIf).toEqual({ additions: [], skips: [], moves: [] });
		expect(r.active).toBe(false);
		expect(r.errors).toEqual({});
	});

	it('writes the scenario back in the compact spelling, amounts exact', () => {
		const r = parse('si_date=2026-12-20&si_label=Réparation&si_amount=-1 234,56&skip=k1');
		expect(r.canonical).toEqual([
			['add', '2026-12-20|Réparation|-1234.56'],
			['skip', 'k1']
		]);
		expect(parse(new URLSearchParams(r.canonical).toString()).whatIf).toEqual(r.whatIf);
	});
});

describe('parseWhatIf: the "Et si…" form', () => {
	it('adds the typed operation to the scenario already in the URL', () => {
		const r = parse('add=2026-12-15|Prime|150&si_date=2026-12-24&si_label=Cadeaux&si_amount=-80');
		expect(r.whatIf.additions).toEqual([
			{ date: '2026-12-15', label: 'Prime', amount: 15000 },
			{ date: '2026-12-24', label: 'Cadeaux', amount: -8000 }
		]);
	});

	it('ignores an empty form', () => {
		const r = parse('days=90&si_date=&si_label=&si_amount=&preset=');
		expect(r.active).toBe(false);
		expect(r.errors).toEqual({});
	});

	it('names each wrong field in French and leaves the addition out', () => {
		const r = parse('skip=k1&si_date=24/12&si_label=x&si_amount=douze');
		expect(r.errors.si_date).toMatch(/^Date : /);
		expect(r.errors.si_label).toMatch(/^Libellé : /);
		expect(r.errors.si_amount).toMatch(/^Montant : « douze »/);
		expect(r.whatIf.additions).toEqual([]);
		expect(r.whatIf.skips).toEqual(['k1']);
	});

	it('asks for the missing fields of a half-filled form', () => {
		const r = parse('si_amount=-20');
		expect(Object.keys(r.errors).sort()).toEqual(['si_date', 'si_label']);
		expect(parse('si_date=2026-12-24&si_label=Rien&si_amount=0').errors.si_amount).toMatch(/0 €/);
	});

	it('keeps a "|" in the label from breaking the compact spelling', () => {
		const r = parse('si_date=2026-12-24&si_label=A|B&si_amount=10');
		expect(r.canonical).toEqual([['add', '2026-12-24|A/B|10.00']]);
	});

	it('reads the presets: skip a debit or move it', () => {
		expect(parse('preset=skip:s:loyer:2026-12-05').whatIf.skips).toEqual(['s:loyer:2026-12-05']);
		expect(parse('preset=move:s:loyer:2026-12-05@2026-12-12').whatIf.moves).toEqual([
			{ eventKey: 's:loyer:2026-12-05', newDate: '2026-12-12' }
		]);
		expect(parse('preset=move:s:loyer@hier').errors.preset).toMatch(/^Changement prévu : /);
		expect(parse('preset=n’importe').errors.preset).toBeDefined();
	});

	it('does not skip the same debit twice', () => {
		expect(parse('skip=k&preset=skip:k').whatIf.skips).toEqual(['k']);
	});
});

describe('whatIfQuery', () => {
	it('builds links that add or take back one change', () => {
		const c: ['add' | 'skip' | 'move', string][] = [
			['skip', 'a'],
			['skip', 'b']
		];
		expect(whatIfQuery(90, c, { drop: 0 })).toBe('?days=90&skip=b');
		expect(whatIfQuery(30, c, { add: ['move', 'a@2026-12-12'] })).toBe('?days=30&skip=a&skip=b&move=a%402026-12-12');
	});
});
