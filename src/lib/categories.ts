/**
 * The built-in category taxonomy (contract: shared/contracts/categories.md). Ids are stable; admins may add
 * categories and rename labels in the database, which is seeded from this list.
 */

export type CategoryKind = 'income' | 'expense' | 'neutral';

export type CategoryGroupId = 'income' | 'housing' | 'fixed' | 'credit' | 'daily' | 'bank' | 'transfer' | 'none';

export interface CategoryDef {
	id: string;
	label: string;
	group: CategoryGroupId;
	kind: CategoryKind;
}

export const CATEGORY_GROUPS: Record<CategoryGroupId, string> = {
	income: 'Ressources',
	housing: 'Logement',
	fixed: 'Charges fixes',
	credit: 'Crédits',
	daily: 'Vie courante',
	bank: 'Banque',
	transfer: 'Mouvements internes',
	none: '—'
};

export const UNCATEGORISED = 'uncategorised';

export const BUILTIN_CATEGORIES: readonly CategoryDef[] = [
	{ id: 'income.salary', label: "Salaires et revenus d'activité", group: 'income', kind: 'income' },
	{ id: 'income.unemployment', label: 'Allocations chômage', group: 'income', kind: 'income' },
	{ id: 'income.pension', label: "Retraites, pensions d'invalidité", group: 'income', kind: 'income' },
	{ id: 'income.daily_allowance', label: 'Indemnités journalières', group: 'income', kind: 'income' },
	{
		id: 'income.family_benefits',
		label: 'Prestations familiales (AF, CF, ARS, PAJE)',
		group: 'income',
		kind: 'income'
	},
	{ id: 'income.housing_benefit', label: 'Aides au logement (APL, ALF, ALS)', group: 'income', kind: 'income' },
	{ id: 'income.minimum_income', label: "RSA, prime d'activité", group: 'income', kind: 'income' },
	{ id: 'income.disability', label: 'AAH et aides au handicap', group: 'income', kind: 'income' },
	{ id: 'income.alimony', label: 'Pension alimentaire reçue', group: 'income', kind: 'income' },
	{ id: 'income.health_refund', label: 'Remboursements santé', group: 'income', kind: 'income' },
	{ id: 'income.other', label: 'Autres ressources', group: 'income', kind: 'income' },
	{ id: 'housing.rent', label: 'Loyer', group: 'housing', kind: 'expense' },
	{ id: 'housing.mortgage', label: 'Prêt immobilier', group: 'housing', kind: 'expense' },
	{ id: 'housing.service_charges', label: 'Charges locatives, copropriété', group: 'housing', kind: 'expense' },
	{ id: 'housing.energy', label: 'Électricité, gaz, chauffage', group: 'housing', kind: 'expense' },
	{ id: 'housing.water', label: 'Eau', group: 'housing', kind: 'expense' },
	{ id: 'housing.insurance', label: 'Assurance habitation', group: 'housing', kind: 'expense' },
	{ id: 'fixed.telecom', label: 'Téléphone, internet, TV', group: 'fixed', kind: 'expense' },
	{ id: 'fixed.health_insurance', label: 'Mutuelle, complémentaire santé', group: 'fixed', kind: 'expense' },
	{ id: 'fixed.vehicle_insurance', label: 'Assurance véhicule', group: 'fixed', kind: 'expense' },
	{ id: 'fixed.other_insurance', label: 'Autres assurances', group: 'fixed', kind: 'expense' },
	{ id: 'fixed.taxes', label: 'Impôts et taxes', group: 'fixed', kind: 'expense' },
	{ id: 'fixed.childcare_school', label: "Garde d'enfants, cantine, scolarité", group: 'fixed', kind: 'expense' },
	{ id: 'fixed.alimony_paid', label: 'Pension alimentaire versée', group: 'fixed', kind: 'expense' },
	{ id: 'fixed.transport_pass', label: 'Abonnement de transport', group: 'fixed', kind: 'expense' },
	{ id: 'fixed.subscriptions', label: 'Abonnements (streaming, sport, presse)', group: 'fixed', kind: 'expense' },
	{ id: 'credit.consumer', label: 'Crédits à la consommation, renouvelables', group: 'credit', kind: 'expense' },
	{ id: 'credit.other', label: 'Autres dettes et échéanciers', group: 'credit', kind: 'expense' },
	{ id: 'daily.groceries', label: 'Alimentation, courses', group: 'daily', kind: 'expense' },
	{ id: 'daily.restaurants', label: 'Restaurants, cafés, livraison', group: 'daily', kind: 'expense' },
	{ id: 'daily.transport', label: 'Carburant, péages, parking, trains, taxis', group: 'daily', kind: 'expense' },
	{ id: 'daily.health', label: 'Pharmacie, médecins, soins', group: 'daily', kind: 'expense' },
	{ id: 'daily.clothing', label: 'Habillement', group: 'daily', kind: 'expense' },
	{ id: 'daily.household', label: 'Maison, hygiène, équipement', group: 'daily', kind: 'expense' },
	{ id: 'daily.leisure', label: 'Loisirs, culture, vacances', group: 'daily', kind: 'expense' },
	{ id: 'daily.gambling', label: "Jeux d'argent", group: 'daily', kind: 'expense' },
	{ id: 'daily.cash', label: "Retraits d'espèces", group: 'daily', kind: 'expense' },
	{ id: 'daily.gifts', label: 'Cadeaux, dons', group: 'daily', kind: 'expense' },
	{ id: 'daily.pets', label: 'Animaux', group: 'daily', kind: 'expense' },
	{ id: 'daily.other', label: 'Divers', group: 'daily', kind: 'expense' },
	{ id: 'bank.fees', label: 'Frais bancaires courants (carte, tenue de compte)', group: 'bank', kind: 'expense' },
	{
		id: 'bank.incident_fees',
		label: "Frais d'incident (commission d'intervention, rejet, lettre, agios)",
		group: 'bank',
		kind: 'expense'
	},
	{ id: 'bank.rejected', label: 'Opérations rejetées ou impayées', group: 'bank', kind: 'neutral' },
	{ id: 'bank.seizure', label: 'Saisies, SATD, ATD', group: 'bank', kind: 'expense' },
	{ id: 'transfer.internal', label: 'Virements entre ses comptes', group: 'transfer', kind: 'neutral' },
	{ id: 'transfer.savings', label: 'Épargne', group: 'transfer', kind: 'neutral' },
	{ id: 'transfer.other', label: 'Virements de ou vers des particuliers', group: 'transfer', kind: 'neutral' },
	{ id: 'uncategorised', label: 'À catégoriser', group: 'none', kind: 'expense' }
];

export const BUILTIN_CATEGORY_IDS: ReadonlySet<string> = new Set(BUILTIN_CATEGORIES.map((c) => c.id));
