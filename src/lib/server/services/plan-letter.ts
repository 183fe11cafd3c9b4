/**
 * The fee letter as the household opens it from its plan: the fee-cap check with the caps the bank should
 * apply (the reduced "fragile" ones when the fragility signals say so), worded by the fee letter's own
 * template, which also asks for the offre spécifique. The household prints it; the adviser edits it on
 * the fee page.
 */
import { today } from '$lib/dates';
import type { Db } from '../db';
import { requirePermission, type HouseholdScope } from '../auth/access';
import { feeLetterFilename, feeLetterText, FEE_LETTER_TITLE, renderLetterPdf } from './fee-letter';
import { householdFees } from './fees-service';
import { householdFragility } from './household-fragility';

export interface PlanLetter {
	title: string;
	body: string;
	/** cents above the caps */
	reclaimable: number;
}

export async function planFeeLetter(db: Db, scope: HouseholdScope, now = new Date()): Promise<PlanLetter> {
	requirePermission(scope, 'read');
	const fragility = await householdFragility(db, scope, today(now));
	const view = await householdFees(db, scope, { fragile: fragility.report.regulatoryFragile });
	return { title: FEE_LETTER_TITLE, body: feeLetterText(view, now), reclaimable: view.check.reclaimable };
}

/** The same letter as a PDF, with its file name. */
export async function planFeeLetterPdf(
	db: Db,
	scope: HouseholdScope,
	now = new Date()
): Promise<{ pdf: Buffer; filename: string }> {
	const letter = await planFeeLetter(db, scope, now);
	return { pdf: await renderLetterPdf(letter.body, { now }), filename: feeLetterFilename(now) };
}
