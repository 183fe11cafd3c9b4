/**
 * The non-recours summary of a result: eligible benefits not yet claimed, sorted by estimated yearly
 * amount, with the yearly total (for the adviser's caseload column and the professional's check page).
 */
import Decimal from 'decimal.js';
import type { BenefitId, BenefitPeriod, BenefitsResult } from './types';

export interface NonRecoursItem {
	benefit: BenefitId;
	label: string;
	/** Estimated amount for `period`, "573.49" (null when no estimate, e.g. FSL). */
	amount: string | null;
	period: BenefitPeriod;
	/** Estimated amount per year, "6881.88" (month × 12; year and once as is). */
	yearlyAmount: string;
	/** Interim right (RSA while the AAH is claimed): listed but left out of the total. */
	interim: boolean;
	where: string;
	url: string;
}

export interface NonRecoursSummary {
	month: string;
	items: NonRecoursItem[];
	/** Sum of the yearly amounts (interim rights excluded), "12345.67". */
	totalYearly: string;
	/** Number of benefits to claim. */
	count: number;
	/** Benefits that need an answer before they can be confirmed. */
	maybe: BenefitId[];
}

/** Eligible benefits sorted by estimated yearly amount (largest first), with the yearly total. */
export function nonRecoursSummary(result: BenefitsResult): NonRecoursSummary {
	const items: NonRecoursItem[] = result.results
		.filter((r) => r.status === 'eligible')
		.map((r) => {
			const amount = new Decimal(r.amount ?? 0);
			const yearly = r.period === 'month' ? amount.times(12) : amount;
			return {
				benefit: r.benefit,
				label: r.label,
				amount: r.amount,
				period: r.period,
				yearlyAmount: yearly.toFixed(2),
				interim: r.interim === true,
				where: r.claim.where,
				url: r.claim.url
			};
		})
		.sort((a, b) => new Decimal(b.yearlyAmount).comparedTo(a.yearlyAmount) || a.benefit.localeCompare(b.benefit));
	const total = items.filter((i) => !i.interim).reduce((s, i) => s.plus(i.yearlyAmount), new Decimal(0));
	return {
		month: result.month,
		items,
		totalYearly: total.toFixed(2),
		count: items.length,
		maybe: result.results.filter((r) => r.status === 'maybe').map((r) => r.benefit)
	};
}
