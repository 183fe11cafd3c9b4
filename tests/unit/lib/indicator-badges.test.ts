import { describe, expect, it } from 'vitest';
import { indicatorBadge } from '$lib/indicator-badges';

describe('indicator badges say what is good or bad', () => {
	it('a small reste à vivre reads as bad news, a sufficient one as good', () => {
		expect(indicatorBadge('resteAVivre', 'high')).toEqual({ text: 'Reste à vivre faible', tone: 'danger' });
		expect(indicatorBadge('resteAVivre', 'ok')).toEqual({ text: 'Reste à vivre correct', tone: 'ok' });
		expect(indicatorBadge('resteAVivre', 'critical')?.text).toBe('Reste à vivre négatif');
	});

	it('never a bare level word', () => {
		for (const id of ['debtRatio', 'housingEffort', 'resources', 'standardOfLiving', 'gapToLegalFloor'])
			for (const level of ['watch', 'fragile', 'high', 'critical'] as const)
				expect(indicatorBadge(id, level)?.text ?? '').not.toMatch(/^(Élevé|Critique)$/);
		expect(indicatorBadge('debtRatio', 'high')?.text).toBe('Endettement trop lourd');
	});

	it('says nothing when all is well, except for the reste à vivre', () => {
		expect(indicatorBadge('debtRatio', 'ok')).toBeNull();
		expect(indicatorBadge('unknown', 'watch')).toEqual({ text: 'À surveiller', tone: 'warn' });
	});
});
