/**
 * A small world for the fee tests: an organisation with an adviser, a household that consented with
 * a statement full of incident fees (imported as OFX through the importer), a household without consent,
 * a member, a professional, an admin, and another organisation with its own adviser, admin and household.
 */
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/session';
import { operatorScope } from '$lib/server/auth/access';
import { createHousehold } from '$lib/server/services/households';
import { recordConsent } from '$lib/server/services/membership';
import { importFile } from '$lib/server/services/import-service';

const NOW = new Date('2026-12-03T09:00:00Z');

/** September 2026: 14 commissions d'intervention posted one by one (112 €) and a re-presented debit. */
export const FEE_ROWS: [string, string, string][] = [
	['20260901', '1450.00', 'VIR SEPA RECU SALAIRE'],
	...Array.from({ length: 14 }, (_, i): [string, string, string] => [
		`202609${String(10 + i).padStart(2, '0')}`,
		'-8.00',
		'COMMISSION D INTERVENTION'
	]),
	['20260905', '45.90', 'REJET PRLV EDF CLIENTS PARTICULIERS'],
	['20260906', '-20.00', 'FRAIS REJET PRLV'],
	['20260915', '45.90', 'REJET PRLV EDF CLIENTS PARTICULIERS'],
	['20260916', '-20.00', 'FRAIS REJET PRLV'],
	['20261006', '-12.00', 'INTERETS DEBITEURS'],
	['20261105', '-40.00', 'COMMISSIONS D INTERVENTION OCTOBRE 2026']
];

export function feeOfx(rows: [string, string, string][] = FEE_ROWS): Uint8Array {
	const body = rows
		.map(
			([d, a, l], i) =>
				`<STMTTRN><TRNTYPE>${a.startsWith('-') ? 'DEBIT' : 'CREDIT'}<DTPOSTED>${d}<TRNAMT>${a}<FITID>F${i + 1}<NAME>${l}</STMTTRN>`
		)
		.join('\n');
	return new TextEncoder().encode(
		`OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKACCTFROM><BANKID>30004<ACCTID>00012345678<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST>\n${body}\n</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`
	);
}

async function org(db: Db, name: string): Promise<number> {
	return (
		await db
			.insertInto('organisation')
			.values({ name, created_at: NOW.toISOString() })
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
}

async function user(db: Db, organisationId: number, email: string, role: Actor['role']): Promise<Actor> {
	const id = (
		await db
			.insertInto('app_user')
			.values({
				organisation_id: organisationId,
				email,
				name: email.split('@')[0],
				password_hash: null,
				role,
				active: 1,
				created_at: NOW.toISOString(),
				password_changed_at: null
			})
			.returning('id')
			.executeTakeFirstOrThrow()
	).id;
	return { id, organisationId, email, name: email.split('@')[0], role };
}

/** Imports the fee statement into a household, as the operator. */
export async function importFees(db: Db, householdId: number, rows?: [string, string, string][]): Promise<void> {
	const scope = (await operatorScope(db, householdId))!;
	const r = await importFile(
		db,
		scope,
		{ fileName: 'releve.ofx', bytes: feeOfx(rows), accountName: 'Compte courant' },
		{ now: NOW }
	);
	if (r.status === 'rejected') throw new Error(r.error.message);
}

export async function feeWorld(db: Db) {
	const orgA = await org(db, 'Association A');
	const orgB = await org(db, 'Association B');
	const adviser = await user(db, orgA, 'adviser@a.fr', 'adviser');
	const otherAdviser = await user(db, orgA, 'adviser2@a.fr', 'adviser');
	const member = await user(db, orgA, 'member@a.fr', 'household');
	const professional = await user(db, orgA, 'pro@a.fr', 'professional');
	const admin = await user(db, orgA, 'admin@a.fr', 'admin');
	const adviserB = await user(db, orgB, 'adviser@b.fr', 'adviser');
	const adminB = await user(db, orgB, 'admin@b.fr', 'admin');
	const household = await createHousehold(
		db,
		{ organisationId: orgA, name: 'Famille Frais', adviserId: adviser.id },
		NOW
	);
	await recordConsent(db, household, orgA, null, NOW);
	await db
		.insertInto('household_member')
		.values({ household_id: household, user_id: member.id, organisation_id: orgA, created_at: NOW.toISOString() })
		.execute();
	const noConsent = await createHousehold(
		db,
		{ organisationId: orgA, name: 'Sans accord', adviserId: adviser.id },
		NOW
	);
	const otherHousehold = await createHousehold(
		db,
		{ organisationId: orgA, name: 'Autre ménage', adviserId: otherAdviser.id },
		NOW
	);
	await recordConsent(db, otherHousehold, orgA, null, NOW);
	const householdB = await createHousehold(db, { organisationId: orgB, name: 'Ménage B', adviserId: adviserB.id }, NOW);
	await recordConsent(db, householdB, orgB, null, NOW);
	for (const h of [household, noConsent, otherHousehold, householdB]) await importFees(db, h);
	return {
		actors: { adviser, otherAdviser, member, professional, admin, adviserB, adminB },
		households: { household, noConsent, otherHousehold, householdB }
	};
}
