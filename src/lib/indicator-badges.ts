/**
 * The badge beside a budget indicator says what is good or bad in words ("Reste à vivre faible"), never a bare
 * level ("Élevé" next to a small reste à vivre read as good news).
 */
export type IndicatorLevel = 'ok' | 'watch' | 'fragile' | 'high' | 'critical';
export type BadgeTone = 'ok' | 'warn' | 'danger';

const WORDS: Record<string, Partial<Record<IndicatorLevel, string>>> = {
	resources: { critical: 'Ressources sous le RSA', fragile: 'Ressources faibles', watch: 'Ressources modestes' },
	resteAVivre: { critical: 'Reste à vivre négatif', high: 'Reste à vivre faible', ok: 'Reste à vivre correct' },
	resteAVivrePerUc: { critical: 'Reste à vivre négatif', high: 'Reste à vivre faible' },
	resteAVivrePerUcPerDay: { critical: 'Reste à vivre négatif' },
	gapToLegalFloor: { high: 'Sous le minimum légal' },
	debtRatio: { high: 'Endettement trop lourd', watch: 'Endettement à surveiller' },
	housingEffort: { high: 'Logement trop lourd', watch: 'Logement lourd, à surveiller' },
	standardOfLiving: { fragile: 'Sous le seuil de pauvreté' }
};

const GENERIC: Record<IndicatorLevel, string> = {
	ok: '',
	watch: 'À surveiller',
	fragile: 'Fragile',
	high: 'Préoccupant',
	critical: 'Grave'
};

/** The words and tone of an indicator's badge, or null when nothing needs saying. */
export function indicatorBadge(id: string, level: IndicatorLevel): { text: string; tone: BadgeTone } | null {
	const text = WORDS[id]?.[level] ?? GENERIC[level];
	if (!text) return null;
	return { text, tone: level === 'ok' ? 'ok' : level === 'critical' || level === 'high' ? 'danger' : 'warn' };
}
