/**
 * Demo case-file entries for two households, dated from the seed's clock: a past appointment with a next
 * step now overdue and an appointment to come (Lucas Petit), a phone call planned (Karim Benali).
 * Idempotent: a household whose file already has entries is left alone.
 */
import type { Db } from '$lib/server/db';
import type { CaseEntryKind } from '$lib/server/db/schema';
import { addDaysIso, today } from '$lib/dates';

interface DemoEntry {
	days: number;
	kind: CaseEntryKind;
	body: string;
	steps?: { text: string; days: number }[];
}

const DEMO_CASE_FILES: Record<string, DemoEntry[]> = {
	'Lucas Petit': [
		{
			days: -14,
			kind: 'rdv',
			body: 'Premier rendez-vous. Découverts presque chaque mois depuis l’été ; frais bancaires élevés. Lucas souhaite comprendre ses dépenses de fin de mois.',
			steps: [
				{ text: 'Demander à la banque l’offre client fragile (3 € par mois)', days: -5 },
				{ text: 'Apporter les trois derniers bulletins de salaire', days: 4 }
			]
		},
		{ days: 2, kind: 'rdv', body: 'Point sur les frais bancaires et la demande de prime d’activité.' }
	],
	'Karim Benali': [{ days: 6, kind: 'telephone', body: 'Appel prévu : réponse de la CAF sur l’aide au logement.' }]
};

export async function seedDemoCaseFiles(
	db: Db,
	organisationId: number,
	households: Record<string, number>,
	adviserId: number,
	now: Date
): Promise<void> {
	const day = today(now);
	for (const [name, entries] of Object.entries(DEMO_CASE_FILES)) {
		const householdId = households[name];
		if (householdId === undefined) continue;
		const has = await db
			.selectFrom('case_entry')
			.select('id')
			.where('household_id', '=', householdId)
			.limit(1)
			.executeTakeFirst();
		if (has) continue;
		for (const e of entries) {
			const row = await db
				.insertInto('case_entry')
				.values({
					organisation_id: organisationId,
					household_id: householdId,
					author_id: adviserId,
					date: addDaysIso(day, e.days),
					kind: e.kind,
					body: e.body,
					created_at: now.toISOString()
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			for (const s of e.steps ?? [])
				await db
					.insertInto('case_step')
					.values({
						organisation_id: organisationId,
						household_id: householdId,
						entry_id: row.id,
						text: s.text,
						due_date: addDaysIso(day, s.days),
						done_at: null,
						done_by: null
					})
					.execute();
		}
	}
}
