/**
 * Evidence that a benefit is already received, from the household's recent bank credits: payer tokens
 * (CAF, MSA, CPAM, CARSAT/CNAV, France Travail) and benefit tokens (RSA, APL, AF, ASPA, ASS…) in the
 * normalised label, with the category as a fallback. Labels differ by bank; the benefit phrases are data
 * (each definition's evidence patterns, editable by admins); the payer names stay here.
 */
import { formatDateFr, type IsoMonth } from '$lib/dates';
import { formatEur } from '$lib/money';
import { monthsBefore } from './context';
import { DEFAULT_BENEFIT_DEFINITIONS, definitionsById, type BenefitDefinition } from './definitions';
import type { BenefitEvidence, BenefitId, DetectedBenefit, EvidenceCredit, Payer } from './types';

/** Uppercase, no accents, punctuation → spaces, single spaces, padded with spaces for token search. */
export function normaliseLabel(s: string): string {
	const plain = s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toUpperCase()
		.replace(/[^A-Z0-9]+/g, ' ')
		.trim();
	return ` ${plain} `;
}

const PAYERS: { payer: Payer; phrases: string[] }[] = [
	{
		payer: 'CAF',
		phrases: ['CAF', 'C A F', 'CAISSE D ALLOCATIONS FAMILIALES', 'CAISSE D ALLOCATION FAMILIALE', 'CNAF']
	},
	{ payer: 'MSA', phrases: ['MSA', 'MUTUALITE SOCIALE AGRICOLE'] },
	{ payer: 'CPAM', phrases: ['CPAM', 'ASSURANCE MALADIE', 'AMELI', 'CNAM'] },
	{ payer: 'CARSAT', phrases: ['CARSAT', 'CNAV', 'ASSURANCE RETRAITE', 'CRAM'] },
	{ payer: 'FRANCE_TRAVAIL', phrases: ['FRANCE TRAVAIL', 'POLE EMPLOI', 'FRANCETRAVAIL', 'POLEEMPLOI'] }
];

/** Phrases removed before benefit matching (so "CAISSE D ALLOCATIONS FAMILIALES" is not read as AF). */
const PAYER_NOISE = [
	'CAISSE D ALLOCATIONS FAMILIALES',
	'CAISSE D ALLOCATION FAMILIALE',
	'MUTUALITE SOCIALE AGRICOLE',
	'ASSURANCE MALADIE',
	'ASSURANCE RETRAITE'
];

type Tokens = Record<Payer, { id: BenefitId; phrases: string[] }[]>;
const tokenCache = new WeakMap<readonly BenefitDefinition[], Tokens>();

/** Benefit phrases by payer, from the definitions' evidence patterns (cached per definitions list). */
function benefitTokens(defs: readonly BenefitDefinition[]): Tokens {
	let tokens = tokenCache.get(defs);
	if (!tokens) {
		tokens = { CAF: [], MSA: [], CPAM: [], CARSAT: [], FRANCE_TRAVAIL: [] };
		for (const d of Object.values(definitionsById(defs))) {
			for (const payer of d.evidence.payers)
				if (d.evidence.phrases.length) tokens[payer].push({ id: d.id, phrases: d.evidence.phrases });
		}
		tokenCache.set(defs, tokens);
	}
	return tokens;
}

/** Category fallback for a CAF/MSA credit whose label names no benefit. */
const CATEGORY_BENEFIT: Record<string, BenefitId> = {
	'income.housing_benefit': 'al',
	'income.disability': 'aah'
};

/** CAF/MSA benefits paid every month (compared with the observed CAF total). */
export const CAF_MONTHLY_BENEFITS: readonly BenefitId[] = ['rsa', 'ppa', 'al', 'aah', 'af', 'cf', 'asf', 'paje_base'];
const ONE_OFF: readonly BenefitId[] = ['ars', 'prime_noel'];

function has(text: string, phrase: string): boolean {
	return text.includes(` ${phrase} `);
}

/** Which payer, and which benefits, a credit shows (null when it is not a benefit payer). */
export function classifyCredit(
	credit: EvidenceCredit,
	defs: readonly BenefitDefinition[] = DEFAULT_BENEFIT_DEFINITIONS
): { payer: Payer; benefits: BenefitId[] } | null {
	if (credit.amount <= 0) return null;
	let text = normaliseLabel(`${credit.payee ?? ''} ${credit.label}`);
	const payer = PAYERS.find((p) => p.phrases.some((ph) => has(text, ph)))?.payer;
	if (!payer) return null;
	for (const noise of PAYER_NOISE) text = text.replaceAll(` ${noise} `, ' ');
	const benefits = benefitTokens(defs)
		[payer].filter((b) => b.phrases.some((ph) => has(text, ph)))
		.map((b) => b.id);
	if (benefits.length === 0 && (payer === 'CAF' || payer === 'MSA')) {
		const fallback = CATEGORY_BENEFIT[credit.category];
		if (fallback) benefits.push(fallback);
	}
	return { payer, benefits };
}

/** "virement CAF du 05/11/2026 de 304,84 €" */
export function evidenceSentence(payer: Payer, credit: EvidenceCredit): string {
	const name = payer === 'FRANCE_TRAVAIL' ? 'France Travail' : payer;
	return `virement ${name} du ${formatDateFr(credit.date)} de ${formatEur(credit.amount)}`;
}

/**
 * Detects benefits already received from bank credits. A monthly benefit counts as received when it is
 * seen in at least 2 of the reference month and the 3 months before it (`month`, default: the month of
 * the latest credit); ARS and prime de Noël when seen once in the last 12 months. CAF/MSA credits naming
 * no benefit are returned with `benefit: null`.
 */
export function detectReceivedFromEvidence(
	evidence: BenefitEvidence,
	options: { month?: IsoMonth; definitions?: readonly BenefitDefinition[] } = {}
): DetectedBenefit[] {
	const credits = [...evidence.credits]
		.filter((c) => c.amount > 0)
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
	if (credits.length === 0) return [];
	const ref = options.month ?? credits[credits.length - 1].date.slice(0, 7);
	const windowStart = monthsBefore(ref, 3);
	const yearStart = monthsBefore(ref, 11);
	const groups = new Map<string, { payer: Payer; benefit: BenefitId | null; credits: EvidenceCredit[] }>();
	for (const credit of credits) {
		const m = credit.date.slice(0, 7);
		if (m > ref || m < yearStart) continue;
		const cls = classifyCredit(credit, options.definitions);
		if (!cls) continue;
		const ids: (BenefitId | null)[] = cls.benefits.length ? cls.benefits : [null];
		for (const id of ids) {
			if (id === null && cls.payer !== 'CAF' && cls.payer !== 'MSA') continue;
			const key = `${cls.payer}:${id ?? '-'}`;
			const g = groups.get(key) ?? { payer: cls.payer, benefit: id, credits: [] };
			g.credits.push(credit);
			groups.set(key, g);
		}
	}
	const out: DetectedBenefit[] = [];
	for (const g of groups.values()) {
		const oneOff = g.benefit !== null && ONE_OFF.includes(g.benefit);
		const recent = oneOff ? g.credits : g.credits.filter((c) => c.date.slice(0, 7) >= windowStart);
		if (recent.length === 0) continue;
		const months = [...new Set(recent.map((c) => c.date.slice(0, 7)))].sort();
		const total = recent.reduce((s, c) => s + c.amount, 0);
		out.push({
			benefit: g.benefit,
			payer: g.payer,
			credits: recent,
			months,
			monthlyAverage: Math.round(total / months.length),
			received: g.benefit !== null && (oneOff || months.length >= 2),
			evidence: [...recent]
				.reverse()
				.slice(0, 3)
				.map((c) => evidenceSentence(g.payer, c))
		});
	}
	return out;
}
