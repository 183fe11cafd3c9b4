/**
 * The over-indebtedness budget statement (issue 17): resources, charges and debts grouped under the headings
 * of the Banque de France file (Cerfa n° 13594), monthly means of the last complete months, each line with
 * the transactions it comes from and the adviser's edit if any; then reste à vivre, seizable part, RSA of the
 * household and capacité de remboursement. Pure: no database, no SvelteKit.
 */
import Decimal from 'decimal.js';
import type { Cents } from '$lib/money';
import type { IsoDate, IsoMonth } from '$lib/dates';
import { DEBT_KINDS, DEBT_STATUSES, sortDebts, type DebtEntry } from './debt-kinds';
import { repaymentCapacity, seizablePart, type Capacity, type SeizureScale } from './seizable';

export interface StatementTx {
	id: number;
	date: IsoDate;
	/** cents, negative = debit */
	amount: Cents;
	category: string;
	label: string;
}

/** Cerfa 13594 headings and the categories each one gathers. */
export const RESOURCE_HEADINGS: readonly { key: string; label: string; categories: string[] }[] = [
	{ key: 'wages', label: 'Salaires et revenus d’activité', categories: ['income.salary'] },
	{ key: 'pensions', label: 'Retraites, pensions d’invalidité', categories: ['income.pension'] },
	{ key: 'unemployment', label: 'Allocations chômage', categories: ['income.unemployment'] },
	{ key: 'daily_allowance', label: 'Indemnités journalières', categories: ['income.daily_allowance'] },
	{ key: 'family', label: 'Prestations familiales', categories: ['income.family_benefits'] },
	{ key: 'housing_aid', label: 'Aides au logement', categories: ['income.housing_benefit'] },
	{ key: 'minimum_income', label: 'RSA, prime d’activité', categories: ['income.minimum_income'] },
	{ key: 'disability', label: 'AAH et aides au handicap', categories: ['income.disability'] },
	{ key: 'alimony_received', label: 'Pension alimentaire reçue', categories: ['income.alimony'] },
	{ key: 'other', label: 'Autres ressources', categories: ['income.other'] }
];

export const CHARGE_HEADINGS: readonly { key: string; label: string; categories: string[] }[] = [
	{ key: 'rent', label: 'Loyer et charges', categories: ['housing.rent', 'housing.service_charges'] },
	{ key: 'energy', label: 'Électricité, gaz, chauffage', categories: ['housing.energy'] },
	{ key: 'water', label: 'Eau', categories: ['housing.water'] },
	{
		key: 'insurance',
		label: 'Assurances (habitation, véhicule, autres)',
		categories: ['housing.insurance', 'fixed.vehicle_insurance', 'fixed.other_insurance']
	},
	{ key: 'health_cover', label: 'Mutuelle, complémentaire santé', categories: ['fixed.health_insurance'] },
	{ key: 'taxes', label: 'Impôts et taxes', categories: ['fixed.taxes'] },
	{ key: 'alimony_paid', label: 'Pension alimentaire versée', categories: ['fixed.alimony_paid'] },
	{ key: 'childcare_school', label: 'Garde d’enfants, cantine, scolarité', categories: ['fixed.childcare_school'] },
	{ key: 'transport', label: 'Transports', categories: ['fixed.transport_pass'] },
	{ key: 'telecom', label: 'Téléphone, internet', categories: ['fixed.telecom'] }
];

export interface LineEdit {
	amount: Cents;
	note: string | null;
}

export interface StatementLine {
	/** stable key of the line, the key of its edit: `resource:wages`, `charge:rent`, `debt:12` */
	key: string;
	label: string;
	/** monthly amount used (cents, positive) */
	amount: Cents;
	/** what the statements give before any edit */
	computed: Cents;
	edited: boolean;
	note: string | null;
	transactions: StatementTx[];
}

export interface DebtLine extends StatementLine {
	debtId: number;
	creditor: string;
	kind: string;
	status: string;
	outstanding: Cents;
	arrears: Cents;
}

export interface StatementInput {
	months: IsoMonth[];
	txs: readonly StatementTx[];
	debts: readonly DebtEntry[];
	edits: ReadonlyMap<string, LineEdit>;
	dependents: number;
	scale: SeizureScale;
	rsaHousehold: Cents;
	rsaSinglePerson: Cents;
}

export interface BudgetStatement {
	months: IsoMonth[];
	resources: { lines: StatementLine[]; total: Cents };
	charges: { lines: StatementLine[]; total: Cents };
	debts: { lines: DebtLine[]; instalments: Cents; outstanding: Cents; arrears: Cents };
	resteAVivre: Cents;
	dependents: number;
	seizable: Cents;
	rsaHousehold: Cents;
	capacity: Capacity;
	scale: { effectiveFrom: IsoDate; sources: string[] };
}

function monthlyMean(sum: Cents, months: number): Cents {
	if (months <= 0) return 0;
	return new Decimal(sum).dividedBy(months).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
}

function withEdit<T extends StatementLine>(line: T, edits: ReadonlyMap<string, LineEdit>): T {
	const e = edits.get(line.key);
	return e ? { ...line, amount: e.amount, edited: true, note: e.note } : line;
}

function groupLines(
	prefix: 'resource' | 'charge',
	headings: readonly { key: string; label: string; categories: string[] }[],
	input: StatementInput
): StatementLine[] {
	const inMonths = new Set(input.months);
	return headings.map((h) => {
		const cats = new Set(h.categories);
		const txs = input.txs.filter((t) => cats.has(t.category) && inMonths.has(t.date.slice(0, 7)));
		const sum = txs.reduce((a, t) => a + t.amount, 0);
		const computed = monthlyMean(prefix === 'resource' ? sum : -sum, input.months.length);
		const line: StatementLine = {
			key: `${prefix}:${h.key}`,
			label: h.label,
			amount: computed,
			computed,
			edited: false,
			note: null,
			transactions: txs
		};
		return withEdit(line, input.edits);
	});
}

function debtLines(input: StatementInput): DebtLine[] {
	return sortDebts(input.debts.filter((d) => d.status !== 'soldee')).map((d) => {
		// A suspended debt is listed with its outstanding and arrears; no instalment is being paid.
		const computed = d.status === 'suspendue' ? 0 : d.instalment;
		const line: DebtLine = {
			key: `debt:${d.id}`,
			label: `${d.creditor} (${DEBT_KINDS[d.kind]})`,
			amount: computed,
			computed,
			edited: false,
			note: null,
			transactions: [],
			debtId: d.id,
			creditor: d.creditor,
			kind: DEBT_KINDS[d.kind],
			status: DEBT_STATUSES[d.status],
			outstanding: d.outstanding,
			arrears: d.arrears
		};
		return withEdit(line, input.edits);
	});
}

const sum = (lines: readonly { amount: Cents }[]) => lines.reduce((a, l) => a + l.amount, 0);

export function budgetStatement(input: StatementInput): BudgetStatement {
	const resources = groupLines('resource', RESOURCE_HEADINGS, input);
	const charges = groupLines('charge', CHARGE_HEADINGS, input);
	const debts = debtLines(input);
	const R = sum(resources);
	const charged = sum(charges);
	const instalments = sum(debts);
	const seizable = seizablePart({
		resources: R,
		dependents: input.dependents,
		scale: input.scale,
		rsaSinglePerson: input.rsaSinglePerson
	});
	return {
		months: input.months,
		resources: { lines: resources, total: R },
		charges: { lines: charges, total: charged },
		debts: {
			lines: debts,
			instalments,
			outstanding: debts.reduce((a, d) => a + d.outstanding, 0),
			arrears: debts.reduce((a, d) => a + d.arrears, 0)
		},
		resteAVivre: R - charged - instalments,
		dependents: input.dependents,
		seizable,
		rsaHousehold: input.rsaHousehold,
		capacity: repaymentCapacity({ resources: R, livingBudget: charged, seizable, rsaHousehold: input.rsaHousehold }),
		scale: { effectiveFrom: input.scale.effectiveFrom, sources: input.scale.sources }
	};
}

/** Every line key the statement may hold (to validate an edit). */
export function isStatementLineKey(key: string): boolean {
	const [kind, rest] = key.split(':');
	if (kind === 'resource') return RESOURCE_HEADINGS.some((h) => h.key === rest);
	if (kind === 'charge') return CHARGE_HEADINGS.some((h) => h.key === rest);
	return kind === 'debt' && /^[1-9]\d*$/.test(rest ?? '');
}
