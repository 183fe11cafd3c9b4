/** The budget statement's downloads (PDF and CSV) for the web routes: one call each. */
import type { Db } from '../db';
import type { HouseholdScope } from '../auth/access';
import { householdStatement } from './statement-service';
import { renderStatementPdf, statementFilename } from './statement-pdf';
import { statementCsv } from '../statement/csv';

export async function statementPdfFile(db: Db, scope: HouseholdScope, now = new Date()) {
	const view = await householdStatement(db, scope);
	return { filename: statementFilename(view, 'pdf'), body: await renderStatementPdf(view, { now }) };
}

export async function statementCsvFile(db: Db, scope: HouseholdScope) {
	const view = await householdStatement(db, scope);
	return { filename: statementFilename(view, 'csv'), body: statementCsv(view.statement, view.household.name) };
}
