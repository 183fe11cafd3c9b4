/**
 * Who looked at a household's data and what they did, told to the household in plain French. Every page
 * read (and export) and every form action by someone who is not a member of the household is written to
 * the audit log in one place (the request hook calls `recordHouseholdVisit`), and the household's access
 * page reads it back: "Claire Dupont, qui vous accompagne, a consulté vos opérations le 28/11/2026 à 14 h 05".
 * Entries older than the retention period are purged (audit-retention.ts) and never shown.
 */
import type { Db } from '../db';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { auditScope } from './audit';

export const VISIT_ACTIONS = ['household.viewed', 'household.changed', 'household.exported'] as const;
/** Other audited actions about the household that its members are told about. */
const TOLD_ACTIONS = ['household.reassigned', 'consent.given', 'consent.withdrawn', 'invitation.created'];

/** What each page of a household is, for the person whose data it shows. */
const PAGES: Record<string, string> = {
	overview: "la vue d'ensemble de votre ménage",
	forecast: 'vos prévisions',
	budget: 'votre budget',
	transactions: 'vos opérations',
	benefits: 'vos droits',
	rules: 'vos règles de classement',
	import: "l'import de vos relevés",
	access: 'ce journal des consultations',
	invite: "l'invitation d'un membre"
};

/** The page key of a household route id: '/households/[id=id]/transactions' → 'transactions'. */
export function pageOfRoute(routeId: string): string {
	const rest = routeId.replace(/^\/(households|caseload)\/\[id=id\]\/?/, '');
	return rest === '' ? 'overview' : (rest.split('/')[0] ?? 'overview');
}

/**
 * Writes the visit of a household page by someone who is not one of its members: a read (GET), an export
 * (a GET of a file endpoint) or a change (any other method, with the form action's name).
 */
export async function recordHouseholdVisit(
	db: Db,
	scope: HouseholdScope,
	visit: { routeId: string; method: string; search: string; isExport?: boolean; ip?: string | null },
	now = new Date()
): Promise<void> {
	if (scope.relation === 'member') return;
	const read = visit.method === 'GET' || visit.method === 'HEAD';
	const formAction = /^\?\/([A-Za-z0-9_-]{1,40})/.exec(visit.search)?.[1] ?? null;
	await auditScope(
		db,
		scope,
		{
			action: read ? (visit.isExport ? 'household.exported' : 'household.viewed') : 'household.changed',
			targetType: 'page',
			targetId: pageOfRoute(visit.routeId),
			details: formAction ? { formAction } : null,
			ip: visit.ip ?? null
		},
		now
	);
}

const parisParts = new Intl.DateTimeFormat('fr-FR', {
	timeZone: 'Europe/Paris',
	day: '2-digit',
	month: '2-digit',
	year: 'numeric',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** "le 28/11/2026 à 14 h 05" in Paris time. */
export function whenFr(instant: string): string {
	const p = Object.fromEntries(parisParts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
	return `le ${p.day}/${p.month}/${p.year} à ${p.hour} h ${p.minute}`;
}

export interface AccessEntry {
	at: string;
	/** the sentence shown to the household */
	text: string;
}

function who(row: { actor_id: number | null; name: string | null; role: string | null }): string {
	if (row.actor_id === null) return "L'exploitant du service (en ligne de commande)";
	if (row.role === 'adviser') return `${row.name}, qui vous accompagne,`;
	if (row.role === 'household') return `${row.name}, membre de votre ménage,`;
	return `${row.name}, de l'équipe de l'association,`;
}

function what(action: string, page: string | null): string {
	const where = PAGES[page ?? ''] ?? 'une page de votre ménage';
	switch (action) {
		case 'household.viewed':
			return `a consulté ${where}`;
		case 'household.exported':
			return `a téléchargé ${where}`;
		case 'household.changed':
			return `a fait une modification depuis ${where}`;
		case 'household.reassigned':
			return 'a confié votre suivi à un autre conseiller';
		case 'consent.given':
			return 'a accepté le partage avec le conseiller';
		case 'consent.withdrawn':
			return 'a arrêté le partage avec le conseiller';
		case 'invitation.created':
			return 'a invité une personne à rejoindre votre ménage';
		default:
			return 'a agi sur votre dossier';
	}
}

/** The household's access log, newest first: visits by others and the changes of who may see what. */
export async function householdAccessLog(db: Db, scope: HouseholdScope, limit = 200): Promise<AccessEntry[]> {
	requirePermission(scope, 'read');
	const rows = await db
		.selectFrom('audit_log as l')
		.leftJoin('app_user as u', 'u.id', 'l.actor_id')
		.select(['l.at', 'l.action', 'l.target_id', 'l.actor_id', 'u.name', 'u.role'])
		.where('l.household_id', '=', scope.householdId)
		.where('l.organisation_id', '=', scope.organisationId)
		.where('l.action', 'in', [...VISIT_ACTIONS, ...TOLD_ACTIONS])
		.orderBy('l.at', 'desc')
		.orderBy('l.id', 'desc')
		.limit(limit)
		.execute();
	const selfId = scope.actor.id;
	return rows.map((r) => {
		const self = r.actor_id !== null && r.actor_id === selfId;
		const verb = what(r.action, r.target_id);
		const text = self ? `Vous ${verb.replace(/^a /, 'avez ')}` : `${who(r)} ${verb}`;
		return { at: r.at, text: `${text} ${whenFr(r.at)}.` };
	});
}
