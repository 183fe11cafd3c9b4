/** Where an action's next step leads, for the actor: the household's own pages, or the adviser's. */
import type { HouseholdScope } from '../auth/access';
import type { StepTarget } from '../coaching/plan';

export interface StepLink {
	href: string;
	label: string;
	/** an official site (the benefit's claim), opened as is */
	external: boolean;
}

export function stepLink(scope: HouseholdScope, target: StepTarget): StepLink | null {
	const id = scope.householdId;
	const adviser = scope.relation !== 'member';
	const own = (path: string, label: string): StepLink => ({ href: `/households/${id}${path}`, label, external: false });
	switch (target.kind) {
		case 'external':
			return { href: target.url, label: target.label, external: true };
		case 'fee_letter':
			return adviser
				? {
						href: `/caseload/${id}/fees${target.fragile ? '?fragile' : ''}`,
						label: 'Préparer la lettre de réclamation',
						external: false
					}
				: own('/plan/letter', 'Ouvrir la lettre à imprimer');
		case 'debit_letter':
			return own(
				`/plan/debit-letter?serie=${encodeURIComponent(target.series)}`,
				'Ouvrir la lettre pour décaler le prélèvement'
			);
		case 'benefits':
			return own('/benefits', 'Voir comment demander');
		case 'forecast':
			return own('/forecast', 'Essayer dans les prévisions');
		case 'debts':
			return adviser
				? { href: `/caseload/${id}/debts`, label: 'Voir les dettes', external: false }
				: own('/debts', 'Voir les dettes');
		case 'transactions':
			return own('/transactions', 'Voir les opérations');
		case 'budget':
			return own('/budget', 'Voir le budget');
		case 'appointment':
			return adviser ? own('/file', 'Noter un rendez-vous dans le dossier') : null;
		case 'none':
			return null;
	}
}
