/**
 * How a stored parameter table (the database's editable copy) is brought to the default table without
 * ever creating overlapping versions and without touching what an admin did:
 *
 * - a stored version an admin published or closed (`edited`) is kept exactly as it is;
 * - a stored version that is still the untouched seed of a default version (same key and start date) is
 *   updated to that default (value, dates, label, source);
 * - a default version missing from the table is inserted;
 * - a default version never overlaps a kept version: it is skipped when a kept version is in force on its
 *   start date, and ends the day before the next kept version otherwise.
 *
 * Pure: rows in, plan out (services/benefit-tables.ts applies it at start-up).
 */
import { addDaysIso } from '$lib/dates';
import type { BenefitParameter } from './types';

export interface StoredParameter extends BenefitParameter {
	/** True when an admin published this version or closed it (the database's `updated_by` is set). */
	edited: boolean;
}

export interface ParameterSyncPlan {
	/** Default versions to insert. */
	insert: BenefitParameter[];
	/** Untouched seeded versions to rewrite, matched by key and effectiveFrom. */
	update: BenefitParameter[];
}

const END = '9999-12-31';

function same(a: BenefitParameter, b: BenefitParameter): boolean {
	return (
		a.value === b.value &&
		a.unit === b.unit &&
		a.label === b.label &&
		a.source === b.source &&
		(a.effectiveTo ?? null) === (b.effectiveTo ?? null)
	);
}

function byKey<T extends BenefitParameter>(rows: readonly T[]): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const r of rows) {
		const list = out.get(r.key);
		if (list) list.push(r);
		else out.set(r.key, [r]);
	}
	return out;
}

/** The default version clipped so that it overlaps none of `kept`, or null when a kept one covers its start. */
function clip(d: BenefitParameter, kept: readonly BenefitParameter[]): BenefitParameter | null {
	const start = d.effectiveFrom;
	if (kept.some((k) => k.effectiveFrom <= start && start <= (k.effectiveTo ?? END))) return null;
	const nextKept = kept
		.map((k) => k.effectiveFrom)
		.filter((from) => from > start)
		.sort()[0];
	if (!nextKept || nextKept > (d.effectiveTo ?? END)) return { ...d, effectiveTo: d.effectiveTo ?? null };
	return { ...d, effectiveTo: addDaysIso(nextKept, -1) };
}

/** The inserts and updates that bring `stored` to `defaults` (see the module comment). */
export function planParameterSync(
	stored: readonly StoredParameter[],
	defaults: readonly BenefitParameter[]
): ParameterSyncPlan {
	const plan: ParameterSyncPlan = { insert: [], update: [] };
	const storedByKey = byKey(stored);
	for (const [key, versions] of byKey(defaults)) {
		const rows = storedByKey.get(key) ?? [];
		const defaultStarts = new Set(versions.map((v) => v.effectiveFrom));
		const kept = rows.filter((r) => r.edited || !defaultStarts.has(r.effectiveFrom));
		for (const d of versions) {
			const existing = rows.find((r) => r.effectiveFrom === d.effectiveFrom);
			if (existing?.edited) continue;
			const target = clip(d, kept);
			if (!target) continue;
			if (!existing) plan.insert.push(target);
			else if (!same(existing, target)) plan.update.push(target);
		}
	}
	return plan;
}
