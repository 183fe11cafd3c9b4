/**
 * Each benefit as the object of a sentence, with its article ("Demander l’allocation de soutien familial",
 * "Vérifier votre droit au RSA"), so that the plan's titles read as French. A benefit added by an admin
 * without an entry here keeps its label after a colon.
 */
const WITH_ARTICLE: Readonly<Record<string, string>> = {
	rsa: 'le RSA',
	ppa: 'la prime d’activité',
	al: 'l’aide au logement',
	css: 'la complémentaire santé solidaire',
	aah: 'l’allocation aux adultes handicapés (AAH)',
	aspa: 'l’allocation de solidarité aux personnes âgées (ASPA)',
	af: 'les allocations familiales',
	cf: 'le complément familial',
	ars: 'l’allocation de rentrée scolaire',
	asf: 'l’allocation de soutien familial',
	paje_base: 'l’allocation de base de la PAJE',
	cheque_energie: 'le chèque énergie',
	prime_noel: 'la prime de Noël',
	ass: 'l’allocation de solidarité spécifique (ASS)',
	asi: 'l’allocation supplémentaire d’invalidité (ASI)',
	fsl: 'l’aide du Fonds de solidarité pour le logement'
};

/** "Demander l’allocation de soutien familial"; "Demander : <label>" for a benefit without an entry. */
export function claimTitle(benefit: string, label: string): string {
	const object = WITH_ARTICLE[benefit];
	return object ? `Demander ${object}` : `Demander\u00a0: ${label}`;
}

/** "Vérifier votre droit au RSA", "… aux allocations familiales", "… à l’aide au logement". */
export function checkTitle(benefit: string, label: string): string {
	const object = WITH_ARTICLE[benefit];
	if (!object) return `Vérifier votre droit (${label})`;
	const contracted = object.startsWith('le ')
		? `au ${object.slice(3)}`
		: object.startsWith('les ')
			? `aux ${object.slice(4)}`
			: `à ${object}`;
	return `Vérifier votre droit ${contracted}`;
}
