/**
 * The benefit parameters lose their placeholder start date. The first parameter table gave values long
 * in force the start date 1990-01-01; the table now gives each one the real date of the text that set it
 * (benefits/parameter-data*.ts), and the zone-2 RLS key joins the RLS barème of every zone and
 * composition. This migration re-dates the rows still carrying the placeholder, renames the RLS key, and
 * leaves everything else to the start-up sync (services/benefit-tables.ts ensureBenefitParameters), which
 * then inserts the dated versions from 2024-01-01 without overlapping any kept row.
 *
 * - A placeholder row is re-dated to the first real date of its value (the map below, frozen).
 * - A placeholder row an admin closed before that date covered only the fictitious period: it is deleted.
 * - Rows an admin published are never touched. Frozen.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

const PLACEHOLDER = '1990-01-01';

/** Key → the real start date of the value its placeholder row holds (from the 2026-12-02 table). */
const REAL_START: readonly (readonly [key: string, from: string])[] = [
	['smic.annual_hours', '2002-01-01'],
	['rsa.payment_threshold', '2009-06-01'],
	['ppa.bonification.threshold_hours', '2016-01-01'],
	['ppa.bonification.max_hours', '2018-10-01'],
	['ppa.bonification.max_rate', '2018-10-01'],
	['ppa.min_age', '2016-01-01'],
	['ppa.student_hours', '2016-01-01'],
	['ppa.student_smic_share', '2016-01-01'],
	['ppa.payment_threshold', '2016-01-01'],
	['af.rate_two_children', '1982-02-01'],
	['af.rate_per_further_child', '1986-01-01'],
	['af.majoration_rate', '2008-05-01'],
	['af.forfait_20_rate', '2003-07-01'],
	['af.majoration_age', '2008-05-01'],
	['af.max_child_age', '2003-07-01'],
	['af.modulation_rate_t2', '2015-07-01'],
	['af.modulation_rate_t3', '2015-07-01'],
	['cf.rate_base', '1983-01-01'],
	['cf.rate_majore', '2018-04-01'],
	['cf.ceiling_rate_first_two', '1986-01-01'],
	['cf.ceiling_rate_further', '2010-01-01'],
	['cf.majore_share', '2014-04-01'],
	['cf.min_children', '1986-07-01'],
	['cf.min_child_age', '1986-07-01'],
	['cf.max_child_age', '2000-02-01'],
	['ars.rate_6_10', '2012-08-01'],
	['ars.rate_11_14', '2012-08-01'],
	['ars.rate_15_18', '2012-08-01'],
	['ars.ceiling_per_child_rate', '1986-07-01'],
	['ars.min_age', '1974-08-14'],
	['ars.age_band_2', '2002-01-01'],
	['ars.age_band_3', '2002-01-01'],
	['ars.max_age', '1990-09-05'],
	['ars.school_declaration_age', '2019-09-01'],
	['ars.payment_threshold', '2002-08-09'],
	['paje.rate_full', '2018-04-01'],
	['paje.rate_partial', '2018-04-01'],
	['paje.ceiling_rate_first_two', '2018-04-01'],
	['paje.ceiling_rate_further', '2018-04-01'],
	['paje.max_child_age', '2004-01-01'],
	['aah.ceiling_per_child_rate', '2000-01-01'],
	['aah.earnings_abatement_low', '2011-01-01'],
	['aah.earnings_abatement_high', '2011-01-01'],
	['aah.earnings_abatement_smic_share', '2011-01-01'],
	['aah.min_age', '1986-01-01'],
	['aah.rate_full', '2010-11-17'],
	['aah.rate_partial', '2010-11-17'],
	['aah.max_age_partial', '2023-09-01'],
	['aspa.min_age', '2002-01-01'],
	['asi.max_age', '2017-01-01'],
	['ass.days_per_month', '2005-01-01'],
	['ass.ceiling_days_single', '2005-01-01'],
	['ass.ceiling_days_couple', '2005-01-01'],
	['css.aah_deduction', '2021-04-01'],
	['css.aspa_deduction_single', '2021-04-01'],
	['css.aspa_deduction_couple', '2021-04-01'],
	['al.minoration', '2017-10-01'],
	['al.rls_share', '2018-01-01'],
	['al.earned_income_share', '2021-01-01'],
	['al.resources_rounding', '2021-01-01'],
	['al.student_forfait', '2025-01-01'],
	['al.student_scholar_reduction', '2024-01-01'],
	['al.capital_threshold', '2016-10-01'],
	['al.capital_rate', '2016-10-01'],
	['al.payment_threshold', '2017-10-01']
];

export async function up(db: Db): Promise<void> {
	const rls = await db
		.selectFrom('benefit_parameter')
		.select('id')
		.where('key', '=', 'al.rls.z2.single')
		.executeTakeFirst();
	if (!rls) {
		await db
			.updateTable('benefit_parameter')
			.set({ key: 'al.rls.z2.single', label: 'RLS : montant mensuel zone 2, personne seule' })
			.where('key', '=', 'al.rls.z2_single')
			.execute();
	}
	for (const [key, from] of REAL_START) {
		const row = await db
			.selectFrom('benefit_parameter')
			.select(['id', 'effective_to'])
			.where('key', '=', key)
			.where('effective_from', '=', PLACEHOLDER)
			.executeTakeFirst();
		if (!row) continue;
		const taken = await db
			.selectFrom('benefit_parameter')
			.select('id')
			.where('key', '=', key)
			.where('effective_from', '=', from)
			.executeTakeFirst();
		if (taken || (row.effective_to !== null && row.effective_to < from)) {
			await db.deleteFrom('benefit_parameter').where('id', '=', row.id).execute();
		} else {
			await db.updateTable('benefit_parameter').set({ effective_from: from }).where('id', '=', row.id).execute();
		}
	}
}

/** Data migration: the placeholder dates are not restored. */
export async function down(): Promise<void> {}
