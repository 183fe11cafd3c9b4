/**
 * The benefit catalogue as data: French label, payer, where and how to claim, documents to bring, and the
 * payment period. The database seeds its editable copy from this list.
 */
import type { BenefitId, BenefitPeriod, ClaimInfo, Payer } from './types';

/* Claim links: the online services and forms of each benefit, as the aides-jeunes catalogue gives them
   (betagouv/aides-jeunes @8843e65, data/benefits/openfisca/*.yml: teleservice, form, link). */

export interface CatalogueEntry {
	id: BenefitId;
	/** French label. */
	label: string;
	/** Short French description for the household. */
	description: string;
	/** Who pays it (for evidence matching); null when it is not a bank credit. */
	payer: Payer | null;
	period: BenefitPeriod;
	/** True when CRDS (0.5 %) is withheld from the payment. */
	crds: boolean;
	/** Parameter key of the payment threshold, if any. */
	paymentThresholdKey: string | null;
	claim: ClaimInfo;
}

const CAF_URL = 'https://www.caf.fr';
const ID_DOCS = ['pièce d’identité ou titre de séjour', 'RIB', 'numéro de sécurité sociale'];
const CAF_DOCS = [
	...ID_DOCS,
	'dernier avis d’imposition',
	'ressources des 3 derniers mois (bulletins de salaire, attestations)'
];

/** The 16 benefits of the contract. */
export const BENEFIT_CATALOGUE: Record<BenefitId, CatalogueEntry> = {
	rsa: {
		id: 'rsa',
		label: 'Revenu de solidarité active',
		description: 'Revenu minimum garanti pour les personnes sans ressources ou à faibles ressources.',
		payer: 'CAF',
		period: 'month',
		crds: false,
		paymentThresholdKey: 'rsa.payment_threshold',
		claim: {
			where: 'CAF (ou MSA pour le régime agricole)',
			url: CAF_URL,
			how: 'Demande en ligne sur caf.fr (« Faire une demande de prestation » puis RSA) ou à l’accueil de la CAF, du CCAS ou du département.',
			documents: [...CAF_DOCS, 'justificatif de domicile'],
			links: [
				{
					kind: 'online',
					label: 'Demander le RSA en ligne (caf.fr)',
					url: 'https://wwwd.caf.fr/redirect/s/Redirect?page=demandeRsa'
				},
				{
					kind: 'info',
					label: 'Le RSA sur service-public.fr',
					url: 'https://www.service-public.fr/particuliers/vosdroits/N19775'
				}
			]
		}
	},
	ppa: {
		id: 'ppa',
		label: 'Prime d’activité',
		description: 'Complément de revenu pour les personnes qui travaillent avec des revenus modestes.',
		payer: 'CAF',
		period: 'month',
		crds: true,
		paymentThresholdKey: 'ppa.payment_threshold',
		claim: {
			where: 'CAF (ou MSA)',
			url: CAF_URL,
			how: 'Demande en ligne sur caf.fr (« Faire une demande de prestation » puis prime d’activité), puis déclaration trimestrielle des ressources.',
			documents: [...ID_DOCS, 'bulletins de salaire des 3 derniers mois'],
			links: [
				{
					kind: 'online',
					label: 'Demander la prime d’activité en ligne (caf.fr)',
					url: 'https://wwwd.caf.fr/wps/portal/caffr/aidesetservices/lesservicesenligne/faireunedemandedeprestation/demanderlaprimedactivite/'
				},
				{
					kind: 'info',
					label: 'La prime d’activité sur caf.fr',
					url: 'https://www.caf.fr/allocataires/aides-et-demarches/droits-et-prestations/vie-professionnelle/la-prime-d-activite'
				}
			]
		}
	},
	al: {
		id: 'al',
		label: 'Aide au logement (APL, ALF, ALS)',
		description: 'Aide pour payer le loyer, versée au locataire ou directement au bailleur.',
		payer: 'CAF',
		period: 'month',
		crds: true,
		paymentThresholdKey: 'al.payment_threshold',
		claim: {
			where: 'CAF (ou MSA)',
			url: CAF_URL,
			how: 'Demande en ligne sur caf.fr (« Faire une demande de prestation » puis aide au logement) ; le bailleur remplit une attestation de loyer.',
			documents: [...ID_DOCS, 'bail', 'attestation de loyer signée par le bailleur', 'dernier avis d’imposition'],
			links: [
				{
					kind: 'online',
					label: 'Demander l’aide au logement en ligne (caf.fr)',
					url: 'https://wwwd.caf.fr/wps/portal/caffr/aidesetservices/lesservicesenligne/faireunedemandedeprestation/demanderlaideaulogement/'
				},
				{
					kind: 'info',
					label: 'Les aides au logement sur caf.fr',
					url: 'https://www.caf.fr/allocataires/aides-et-demarches/droits-et-prestations/logement/les-aides-personnelles-au-logement'
				}
			]
		}
	},
	css: {
		id: 'css',
		label: 'Complémentaire santé solidaire',
		description: 'Mutuelle gratuite ou à moins de 1 € par jour, selon les ressources.',
		payer: 'CPAM',
		period: 'month',
		crds: false,
		paymentThresholdKey: null,
		claim: {
			where: 'Assurance Maladie (CPAM) ou MSA',
			url: 'https://www.ameli.fr',
			how: 'Demande en ligne sur le compte ameli (« Mes démarches ») ou formulaire cerfa 12504 déposé à la CPAM.',
			documents: [...ID_DOCS, 'ressources des 12 derniers mois (de M-13 à M-2)'],
			links: [
				{
					kind: 'online',
					label: 'Demander la complémentaire santé solidaire sur le compte ameli',
					url: 'https://assure.ameli.fr/PortailAS/appmanager/PortailAS/assure?_somtc=true'
				},
				{
					kind: 'form',
					label: 'Formulaire de demande (cerfa 12504)',
					url: 'https://www.complementaire-sante-solidaire.gouv.fr/sites/default/files/2024-02/cerfa_12504-10%20%28C2S%29_0_2.pdf'
				},
				{
					kind: 'info',
					label: 'La complémentaire santé solidaire sur service-public.fr',
					url: 'https://www.service-public.fr/particuliers/vosdroits/F10027'
				}
			]
		}
	},
	aah: {
		id: 'aah',
		label: 'Allocation aux adultes handicapés',
		description: 'Revenu minimum pour les personnes handicapées, décidé par la MDPH et versé par la CAF.',
		payer: 'CAF',
		period: 'month',
		crds: false,
		paymentThresholdKey: null,
		claim: {
			where: 'MDPH du département (décision CDAPH), puis CAF',
			url: 'https://mdphenligne.cnsa.fr',
			how: 'Dossier MDPH (cerfa 15692) avec un certificat médical, en ligne (mdphenligne) ou par courrier ; la CAF calcule et verse l’AAH.',
			documents: [...ID_DOCS, 'certificat médical de moins d’un an (cerfa 15695)', 'justificatif de domicile'],
			links: [
				{ kind: 'online', label: 'Déposer le dossier MDPH en ligne (mdphenligne)', url: 'https://mdphenligne.cnsa.fr' },
				{
					kind: 'info',
					label: 'L’AAH sur service-public.fr',
					url: 'https://www.service-public.fr/particuliers/vosdroits/F12242'
				}
			]
		}
	},
	aspa: {
		id: 'aspa',
		label: 'Allocation de solidarité aux personnes âgées',
		description: 'Minimum vieillesse pour les retraités à faibles ressources.',
		payer: 'CARSAT',
		period: 'month',
		crds: false,
		paymentThresholdKey: null,
		claim: {
			where: 'Caisse de retraite (Carsat / CNAV, ou MSA)',
			url: 'https://www.lassuranceretraite.fr',
			how: 'Demande d’ASPA en ligne sur lassuranceretraite.fr ou auprès de la caisse qui verse la retraite (toutes les retraites doivent avoir été demandées).',
			documents: [...ID_DOCS, 'relevés de pensions', 'ressources des 3 derniers mois', 'dernier avis d’imposition'],
			links: [
				{
					kind: 'form',
					label: 'Formulaire de demande d’ASPA (Assurance retraite)',
					url: 'https://www.lassuranceretraite.fr/portail-info/files/live/sites/pub/files/PDF/PS/demande-aspa.pdf'
				},
				{
					kind: 'info',
					label: 'L’ASPA sur service-public.fr',
					url: 'https://www.service-public.fr/particuliers/vosdroits/F16871'
				}
			]
		}
	},
	af: {
		id: 'af',
		label: 'Allocations familiales',
		description: 'Versées dès le 2e enfant à charge de moins de 20 ans.',
		payer: 'CAF',
		period: 'month',
		crds: true,
		paymentThresholdKey: null,
		claim: {
			where: 'CAF (ou MSA)',
			url: CAF_URL,
			how: 'Déclaration de situation sur caf.fr (« Faire une demande de prestation »), en ajoutant les enfants.',
			documents: [...ID_DOCS, 'livret de famille ou actes de naissance'],
			links: [
				{
					kind: 'online',
					label: 'Déclarer les enfants à la CAF en ligne (caf.fr)',
					url: 'https://wwwd.caf.fr/wps/portal/caffr/aidesetservices/lesservicesenligne/faireunedemandedeprestation/allocationsfamilialesouchangementdesituation'
				},
				{
					kind: 'info',
					label: 'Les allocations familiales sur service-public.fr',
					url: 'https://www.service-public.fr/particuliers/vosdroits/F13213'
				}
			]
		}
	},
	cf: {
		id: 'cf',
		label: 'Complément familial',
		description: 'Pour les familles d’au moins 3 enfants âgés de 3 ans ou plus, sous condition de ressources.',
		payer: 'CAF',
		period: 'month',
		crds: true,
		paymentThresholdKey: null,
		claim: {
			where: 'CAF (ou MSA)',
			url: CAF_URL,
			how: 'Déclaration de situation et des ressources sur caf.fr.',
			documents: [...ID_DOCS, 'livret de famille', 'avis d’imposition de l’année N-1 (revenus N-2)'],
			links: [
				{
					kind: 'online',
					label: 'Faire la demande à la CAF en ligne (caf.fr)',
					url: 'https://wwwd.caf.fr/wps/portal/caffr/aidesetservices/lesservicesenligne/faireunedemandedeprestation/allocationsfamilialesouchangementdesituation'
				},
				{
					kind: 'info',
					label: 'Le complément familial sur service-public.fr',
					url: 'https://www.service-public.fr/particuliers/vosdroits/F13214'
				}
			]
		}
	},
	ars: {
		id: 'ars',
		label: 'Allocation de rentrée scolaire',
		description: 'Versée en août pour chaque enfant scolarisé de 6 à 18 ans, sous condition de ressources.',
		payer: 'CAF',
		period: 'once',
		crds: true,
		paymentThresholdKey: 'ars.payment_threshold',
		claim: {
			where: 'CAF (ou MSA)',
			url: CAF_URL,
			how: 'Automatique pour les allocataires ayant des enfants de 6 à 15 ans ; pour les 16–18 ans, déclarer la scolarité sur caf.fr ; sinon se faire connaître de la CAF.',
			documents: [...ID_DOCS, 'certificat de scolarité (16–18 ans)'],
			links: [
				{
					kind: 'info',
					label: 'L’allocation de rentrée scolaire sur caf.fr',
					url: 'https://www.caf.fr/allocataires/aides-et-demarches/droits-et-prestations/vie-personnelle/l-allocation-de-rentree-scolaire-ars'
				}
			]
		}
	},
	asf: {
		id: 'asf',
		label: 'Allocation de soutien familial',
		description:
			'Pour le parent qui élève seul un enfant sans recevoir de pension alimentaire (ou une pension trop faible).',
		payer: 'CAF',
		period: 'month',
		crds: true,
		paymentThresholdKey: null,
		claim: {
			where: 'CAF (ou MSA)',
			url: CAF_URL,
			how: 'Demande sur caf.fr ; la CAF peut aussi aider à recouvrer la pension impayée (ARIPA).',
			documents: [...ID_DOCS, 'jugement ou convention fixant la pension, le cas échéant'],
			links: [
				{
					kind: 'online',
					label: 'Demander l’ASF en ligne (caf.fr)',
					url: 'https://wwwd.caf.fr/wps/portal/caffr/aidesetservices/lesservicesenligne/faireunedemandedeprestation#DASF'
				},
				{
					kind: 'info',
					label: 'L’ASF sur caf.fr',
					url: 'https://www.caf.fr/allocataires/aides-et-demarches/droits-et-prestations/vie-personnelle/l-allocation-de-soutien-familial-asf'
				}
			]
		}
	},
	paje_base: {
		id: 'paje_base',
		label: 'Allocation de base de la PAJE',
		description: 'Aide mensuelle pour un enfant de moins de 3 ans, sous condition de ressources.',
		payer: 'CAF',
		period: 'month',
		crds: true,
		paymentThresholdKey: null,
		claim: {
			where: 'CAF (ou MSA)',
			url: CAF_URL,
			how: 'Déclaration de grossesse ou de naissance à la CAF (sur caf.fr).',
			documents: [...ID_DOCS, 'acte de naissance ou déclaration de grossesse'],
			links: [
				{
					kind: 'online',
					label: 'Déclarer la naissance à la CAF en ligne (caf.fr)',
					url: 'https://wwwd.caf.fr/wps/portal/caffr/aidesetservices/lesservicesenligne/faireunedemandedeprestation/allocationsfamilialesouchangementdesituation'
				},
				{
					kind: 'info',
					label: 'L’allocation de base sur service-public.fr',
					url: 'https://www.service-public.fr/particuliers/vosdroits/F13218'
				}
			]
		}
	},
	cheque_energie: {
		id: 'cheque_energie',
		label: 'Chèque énergie',
		description: 'Aide annuelle pour payer les factures d’énergie, envoyée automatiquement selon le revenu fiscal.',
		payer: null,
		period: 'year',
		crds: false,
		paymentThresholdKey: null,
		claim: {
			where: 'État (ASP) — chequeenergie.gouv.fr',
			url: 'https://chequeenergie.gouv.fr',
			how: 'Envoi automatique si la déclaration de revenus est faite ; sinon demande en ligne sur chequeenergie.gouv.fr pendant la campagne.',
			documents: ['dernier avis d’imposition', 'facture d’énergie'],
			links: [
				{
					kind: 'info',
					label: 'Le chèque énergie (chequeenergie.gouv.fr)',
					url: 'https://www.chequeenergie.gouv.fr/beneficiaire/informations'
				}
			]
		}
	},
	prime_noel: {
		id: 'prime_noel',
		label: 'Prime de Noël (aide exceptionnelle de fin d’année)',
		description: 'Versée automatiquement en décembre aux bénéficiaires du RSA, de l’ASS ou de l’AER.',
		payer: 'CAF',
		period: 'once',
		crds: false,
		paymentThresholdKey: null,
		claim: {
			where: 'Aucune démarche (CAF/MSA ou France Travail)',
			url: CAF_URL,
			how: 'Versement automatique mi-décembre : rien à demander.',
			documents: [],
			links: []
		}
	},
	ass: {
		id: 'ass',
		label: 'Allocation de solidarité spécifique',
		description: 'Pour les demandeurs d’emploi en fin de droits au chômage ayant assez travaillé.',
		payer: 'FRANCE_TRAVAIL',
		period: 'month',
		crds: false,
		paymentThresholdKey: null,
		claim: {
			where: 'France Travail',
			url: 'https://www.francetravail.fr',
			how: 'France Travail envoie le formulaire en fin de droits ARE ; sinon le demander à son conseiller ou sur francetravail.fr.',
			documents: [...ID_DOCS, 'certificats de travail des 10 dernières années', 'ressources du foyer'],
			links: [
				{
					kind: 'info',
					label: 'L’ASS sur service-public.fr',
					url: 'https://www.service-public.fr/particuliers/vosdroits/F12484'
				}
			]
		}
	},
	asi: {
		id: 'asi',
		label: 'Allocation supplémentaire d’invalidité',
		description: 'Complément pour les titulaires d’une pension d’invalidité à faibles ressources.',
		payer: 'CPAM',
		period: 'month',
		crds: false,
		paymentThresholdKey: null,
		claim: {
			where: 'Assurance Maladie (CPAM) ou MSA',
			url: 'https://www.ameli.fr',
			how: 'Formulaire de demande d’ASI (cerfa 15620) à envoyer à la CPAM qui verse la pension d’invalidité.',
			documents: [...ID_DOCS, 'notification de pension d’invalidité', 'ressources des 3 derniers mois'],
			links: [
				{
					kind: 'form',
					label: 'Formulaire de demande d’ASI (S4151)',
					url: 'https://www.ameli.fr/fileadmin/user_upload/formulaires/S4151.pdf'
				},
				{
					kind: 'info',
					label: 'L’ASI sur service-public.fr',
					url: 'https://www.service-public.fr/particuliers/vosdroits/F16940'
				}
			]
		}
	},
	fsl: {
		id: 'fsl',
		label: 'Fonds de solidarité pour le logement',
		description: 'Aide du département pour les impayés de loyer ou d’énergie, ou pour entrer dans un logement.',
		payer: null,
		period: 'once',
		crds: false,
		paymentThresholdKey: null,
		claim: {
			where: 'Conseil départemental (FSL), souvent via un travailleur social ou le CCAS',
			url: 'https://www.service-public.fr',
			how: 'Dossier FSL du département, généralement instruit avec un travailleur social (CCAS, services sociaux du département).',
			documents: [...ID_DOCS, 'bail et quittances', 'échéancier ou factures impayées', 'ressources du foyer'],
			links: [
				{
					kind: 'info',
					label: 'Les aides du fonds de solidarité pour le logement (service-public.fr)',
					url: 'https://www.service-public.fr'
				}
			]
		}
	}
};
