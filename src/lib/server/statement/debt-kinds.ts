/** The debts register's vocabulary (issue 16): kinds, statuses, which debts come first. Pure. */

export const DEBT_KINDS = {
	loyer: 'Loyer (arriérés)',
	energie: 'Énergie',
	impots: 'Impôts',
	amende: 'Amende',
	credit_conso: 'Crédit à la consommation',
	renouvelable: 'Crédit renouvelable',
	immobilier: 'Crédit immobilier',
	famille: 'Dette familiale',
	autre: 'Autre'
} as const;
export type DebtKind = keyof typeof DEBT_KINDS;

export const DEBT_STATUSES = {
	en_cours: 'En cours',
	plan: 'Dans un plan',
	suspendue: 'Suspendue',
	soldee: 'Soldée'
} as const;
export type DebtStatus = keyof typeof DEBT_STATUSES;

/** Priority debts (housing, energy, taxes, fines): their non-payment costs the home, the heating or a seizure. */
export const PRIORITY_KINDS: readonly DebtKind[] = ['loyer', 'energie', 'impots', 'amende'];

export function isDebtKind(s: string): s is DebtKind {
	return Object.hasOwn(DEBT_KINDS, s);
}
export function isDebtStatus(s: string): s is DebtStatus {
	return Object.hasOwn(DEBT_STATUSES, s);
}

export interface DebtEntry {
	id: number;
	creditor: string;
	kind: DebtKind;
	/** cents */
	outstanding: number;
	instalment: number;
	arrears: number;
	startDate: string | null;
	status: DebtStatus;
	sourceKey: string | null;
}

/** Priority debts first, then the kinds' order, the largest arrears, the creditor. */
export function sortDebts<T extends Pick<DebtEntry, 'kind' | 'arrears' | 'creditor' | 'status'>>(
	debts: readonly T[]
): T[] {
	const order = Object.keys(DEBT_KINDS);
	const rank = (d: T) => (d.status === 'soldee' ? 100 : 0) + order.indexOf(d.kind);
	return [...debts].sort(
		(a, b) => rank(a) - rank(b) || b.arrears - a.arrears || a.creditor.localeCompare(b.creditor, 'fr')
	);
}

/** The kind a credit debit suggests from its lender's name and category. */
export function suggestedKind(payee: string, category: string): DebtKind {
	if (category === 'housing.mortgage') return 'immobilier';
	const p = payee.toUpperCase();
	if (/\b(FLOA|ONEY|ALMA|KLARNA|4X|3X|SCALAPAY)\b/.test(p)) return 'credit_conso';
	if (/\b(COFIDIS|SOFINCO|FRANFINANCE|CETELEM|COFINOGA|CARREFOUR BANQUE)\b/.test(p) && !/AUTO|PERSO/.test(p))
		return 'renouvelable';
	return 'credit_conso';
}
