/** The sections of a household's pages, in the order shown in its navigation. */
export const householdSections: readonly { path: string; label: string }[] = [
	{ path: '', label: 'Vue d’ensemble' },
	{ path: 'plan', label: 'Plan d’action' },
	{ path: 'forecast', label: 'Prévisions' },
	{ path: 'budget', label: 'Budget' },
	{ path: 'transactions', label: 'Opérations' },
	{ path: 'benefits', label: 'Droits' },
	{ path: 'rules', label: 'Règles' },
	{ path: 'import', label: 'Importer un relevé' },
	{ path: 'access', label: 'Qui a consulté' }
];
