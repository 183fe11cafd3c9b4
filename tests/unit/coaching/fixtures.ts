// Synthetic inputs for the coaching engine: an empty household, and one builder per engine result.
import type {
	BenefitInput,
	BudgetInput,
	DebtInput,
	FeeInput,
	OscfInput,
	OverdraftInput,
	OverdrawnInput,
	PlanInput,
	SeriesInput
} from '$lib/server/coaching/plan';

export const AS_OF = '2026-11-28';

export function emptyInput(over: Partial<PlanInput> = {}): PlanInput {
	return {
		asOf: AS_OF,
		benefits: [],
		fees: null,
		oscf: null,
		overdraft: null,
		overdrawn: null,
		debts: [],
		series: [],
		budget: null,
		...over
	};
}

export function benefit(over: Partial<BenefitInput> = {}): BenefitInput {
	return {
		benefit: 'ppa',
		label: 'Prime d’activité',
		status: 'eligible',
		amount: 29789,
		period: 'month',
		summary: 'Vos revenus d’activité ouvrent droit à la prime.',
		nextStep: 'Faites la demande en ligne.',
		where: 'CAF (ou MSA)',
		documents: ['Vos trois derniers bulletins de salaire'],
		link: { url: 'https://www.caf.fr/ppa', label: 'Demander la prime d’activité (caf.fr)' },
		reasons: ['Barème du 01/04/2026.'],
		...over
	};
}

export function fees(over: Partial<FeeInput> = {}): FeeInput {
	return {
		reclaimable: 4750,
		from: '2026-01',
		to: '2026-10',
		reasons: ['Frais de rejet de 25,00 € au-delà de 20,00 € (le maximum légal) : 5,00 € de trop.'],
		status: 'standard',
		...over
	};
}

export function oscf(over: Partial<OscfInput> = {}): OscfInput {
	return {
		regulatoryFragile: true,
		signals: ['Incidents répétés'],
		incidentFees12m: 60000,
		reclaimableIfOscf: 40000,
		reclaimableNow: 4750,
		...over
	};
}

export function overdraft(over: Partial<OverdraftInput> = {}): OverdraftInput {
	return {
		date: '2026-12-05',
		balance: -8450,
		cost: 1200,
		message: 'Votre compte risque d’être à découvert à partir du 05/12/2026 (solde prévu -84,50 €).',
		debits: [
			{ label: 'EDF', date: '2026-12-04', amount: -11000, series: '1:out:edf' },
			{ label: 'Free Mobile', date: '2026-12-03', amount: -1999, series: '1:out:free mobile' }
		],
		nextIncome: { label: 'CAF', date: '2026-12-06', amount: 60000 },
		...over
	};
}

export function debt(over: Partial<DebtInput> = {}): DebtInput {
	return {
		id: 1,
		creditor: 'Paris Habitat',
		kind: 'loyer',
		kindLabel: 'Loyer (arriérés)',
		priority: true,
		arrears: 120000,
		instalment: 0,
		status: 'en_cours',
		...over
	};
}

export function series(over: Partial<SeriesInput> = {}): SeriesInput {
	return {
		key: '1:out:NETFLIX',
		payee: 'Netflix',
		category: 'leisure.subscriptions',
		amount: -1399,
		occurrences: 8,
		lastDate: '2026-11-15',
		amounts: [-1399, -1399, -1399, -1399, -1399, -1399, -1399, -1399],
		...over
	};
}

export function budget(over: Partial<BudgetInput> = {}): BudgetInput {
	return { month: '2026-10', resteAVivre: 110000, rsaFloor: 64600, fixedCharges: 90000, creditCharges: 10000, ...over };
}

export function overdrawn(over: Partial<OverdrawnInput> = {}): OverdrawnInput {
	return {
		since: '2026-11-06',
		sinceKnown: true,
		balance: -24510,
		interestPerDay: 11,
		beyondLimit: false,
		interventionFee: 800,
		interventionMonthCap: 8000,
		backToPositive: '2026-12-05',
		horizon: '2027-02-26',
		message: 'Votre compte est à découvert depuis le 06/11/2026 (solde -245,10 € au 28/11/2026).',
		debits: [
			{ label: 'SFR', date: '2026-12-02', amount: -2999, series: '1:out:sfr' },
			{ label: 'Spotify', date: '2026-12-01', amount: -1099, series: '1:out:spotify' }
		],
		nextIncome: { label: 'France Travail', date: '2026-12-05', amount: 98000 },
		...over
	};
}
