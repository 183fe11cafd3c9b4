/** French names of the benefit ids of shared/contracts/profile.md, for lists and alerts. */
export const BENEFIT_LABELS: Record<string, string> = {
	rsa: 'RSA',
	ppa: 'Prime d’activité',
	al: 'Aide au logement',
	css: 'Complémentaire santé solidaire',
	aah: 'AAH',
	aspa: 'Minimum vieillesse (ASPA)',
	af: 'Allocations familiales',
	cf: 'Complément familial',
	ars: 'Allocation de rentrée scolaire',
	asf: 'Allocation de soutien familial',
	paje_base: 'PAJE (allocation de base)',
	cheque_energie: 'Chèque énergie',
	prime_noel: 'Prime de Noël',
	ass: 'Allocation de solidarité spécifique',
	asi: 'Allocation supplémentaire d’invalidité',
	fsl: 'Fonds de solidarité logement'
};
