/**
 * What a projected overdraft is likely to cost: debit interest at the account's rate (exact, decimal.js,
 * rounded once), commissions d'intervention and rejection fees within the dated legal caps (fee-caps.ts).
 */
import Decimal from 'decimal.js';
import { formatEur, type Cents } from '$lib/money';
import { formatDateFr, type IsoDate } from '$lib/dates';
import { type ClientFeeStatus, FEE_CAPS, type FeeCapsVersion, feeCapsAt } from './fee-caps';

export interface OverdraftSettings {
	/** authorised overdraft (positive cents, 50000 = 500 €); null or 0 = none */
	limit: Cents | null;
	/** annual debit interest rate in basis points (1600 = 16 %); null when unknown */
	rateBp: number | null;
	/** which caps apply (default `standard`) */
	clientStatus?: ClientFeeStatus;
	/**
	 * when set, a direct debit that would take the balance more than this beyond the authorised overdraft
	 * is counted as rejected (rejection fee) instead of charged a commission d'intervention
	 */
	rejectBeyond?: Cents | null;
	/** day-count basis of the interest (default 365) */
	dayCountBasis?: 360 | 365;
	/** fee caps table (default FEE_CAPS) */
	feeCaps?: readonly FeeCapsVersion[];
}

export interface OverdraftCost {
	/** cents */
	interest: Cents;
	/** cents */
	interventionFees: Cents;
	/** cents */
	rejectionFees: Cents;
	/** cents */
	total: Cents;
	/** days ending below zero */
	overdraftDays: number;
	interventionCount: number;
	rejectionCount: number;
	/** plain French */
	explanation: string;
}

/** A debit operation presented to the bank, with the balance right after it (cents). */
export interface PresentedDebit {
	date: IsoDate;
	/** cents, negative */
	amount: Cents;
	balanceAfter: Cents;
	/** only direct debits / transfers count; card payments are refused in real time */
	chargeable: boolean;
}

function percentFr(bp: number): string {
	return `${new Decimal(bp).dividedBy(100).toString().replace('.', ',')} %`;
}

/**
 * Estimates the overdraft cost of a projected daily balance series. Fees are grouped by calendar month
 * and capped per operation, per month and (fragile / OCF clients) for all incident fees per month and year.
 */
export function overdraftCost(
	days: readonly { date: IsoDate; balance: Cents }[],
	debits: readonly PresentedDebit[],
	settings: OverdraftSettings
): OverdraftCost {
	const status = settings.clientStatus ?? 'standard';
	const table = settings.feeCaps ?? FEE_CAPS;
	const limit = Math.max(0, settings.limit ?? 0);
	let negativeSum = 0;
	let overdraftDays = 0;
	let firstDay: IsoDate | null = null;
	for (const d of days) {
		if (d.balance < 0) {
			negativeSum += -d.balance;
			overdraftDays++;
			firstDay ??= d.date;
		}
	}
	const basis = settings.dayCountBasis ?? 365;
	const interest =
		settings.rateBp === null || settings.rateBp <= 0
			? 0
			: new Decimal(negativeSum)
					.times(settings.rateBp)
					.dividedBy(new Decimal(10000).times(basis))
					.toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
					.toNumber();
	// fees by month
	const months = new Map<string, { ci: number; rejections: Cents[]; date: IsoDate }>();
	for (const op of debits) {
		if (!op.chargeable || op.amount >= 0 || op.balanceAfter >= -limit) continue;
		const key = op.date.slice(0, 7);
		let m = months.get(key);
		if (!m) months.set(key, (m = { ci: 0, rejections: [], date: op.date }));
		const rejected =
			settings.rejectBeyond !== undefined &&
			settings.rejectBeyond !== null &&
			op.balanceAfter < -(limit + Math.max(0, settings.rejectBeyond));
		if (rejected) m.rejections.push(-op.amount);
		else m.ci++;
	}
	let interventionFees = 0;
	let rejectionFees = 0;
	let interventionCount = 0;
	let rejectionCount = 0;
	const perYear = new Map<string, Cents>();
	let capped = false;
	for (const [month, m] of [...months].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
		const caps = feeCapsAt(m.date < table[0].effectiveFrom ? table[0].effectiveFrom : m.date, table);
		let ci = Math.min(m.ci * caps.interventionPerOperation[status], caps.interventionPerMonth[status]);
		let rej = m.rejections.reduce((a, amount) => a + Math.min(amount, caps.rejectedPaymentMax), 0);
		if (ci < m.ci * caps.interventionPerOperation[status]) capped = true;
		const monthCap = caps.incidentFeesPerMonth[status];
		if (monthCap !== null && ci + rej > monthCap) {
			capped = true;
			const over = ci + rej - monthCap;
			const cut = Math.min(over, rej);
			rej -= cut;
			ci -= over - cut;
		}
		const year = month.slice(0, 4);
		const yearCap = caps.incidentFeesPerYear[status];
		const used = perYear.get(year) ?? 0;
		if (yearCap !== null && used + ci + rej > yearCap) {
			capped = true;
			let over = used + ci + rej - yearCap;
			const cut = Math.min(over, rej);
			rej -= cut;
			over -= cut;
			ci -= over;
		}
		perYear.set(year, used + ci + rej);
		interventionFees += ci;
		rejectionFees += rej;
		interventionCount += m.ci;
		rejectionCount += m.rejections.length;
	}
	const total = interest + interventionFees + rejectionFees;
	const parts: string[] = [];
	if (overdraftDays === 0) {
		parts.push('Aucun découvert prévu sur la période : pas de frais attendus.');
	} else {
		parts.push(
			`Découvert prévu pendant ${overdraftDays} jour${overdraftDays > 1 ? 's' : ''}, à partir du ${formatDateFr(firstDay ?? '')}.`
		);
		parts.push(
			settings.rateBp === null
				? 'Taux du découvert inconnu : les intérêts (agios) ne sont pas comptés.'
				: `Intérêts (agios) au taux de ${percentFr(settings.rateBp)} par an : ${formatEur(interest)}.`
		);
		if (interventionCount > 0) {
			parts.push(
				`${interventionCount} opération${interventionCount > 1 ? 's' : ''} au-delà du découvert autorisé : commissions d'intervention ${formatEur(interventionFees)}.`
			);
		}
		if (rejectionCount > 0) {
			parts.push(
				`${rejectionCount} prélèvement${rejectionCount > 1 ? 's' : ''} risque${rejectionCount > 1 ? 'nt' : ''} d'être rejeté${rejectionCount > 1 ? 's' : ''} : frais de rejet ${formatEur(rejectionFees)}.`
			);
		}
		if (capped) parts.push('Les plafonds légaux de frais sont appliqués.');
		parts.push(`Coût estimé : ${formatEur(total)}.`);
	}
	return {
		interest,
		interventionFees,
		rejectionFees,
		total,
		overdraftDays,
		interventionCount,
		rejectionCount,
		explanation: parts.join(' ')
	};
}
