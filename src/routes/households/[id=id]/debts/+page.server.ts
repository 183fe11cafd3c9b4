import { requireHousehold } from '$lib/server/auth/guards';
import { DEBT_KIND_OPTIONS, DEBT_STATUS_OPTIONS, listDebts } from '$lib/server/services/debts';
import { listRegistrations } from '$lib/server/services/registers';
import type { PageServerLoad } from './$types';

/** The household's debts register, read-only: the adviser keeps it (at /caseload/ID/debts). */
export const load: PageServerLoad = async (event) => {
	const scope = requireHousehold(event, 'read');
	const [debts, registers] = await Promise.all([
		listDebts(event.locals.db, scope),
		listRegistrations(event.locals.db, scope)
	]);
	return { debts, registers, kinds: DEBT_KIND_OPTIONS, statuses: DEBT_STATUS_OPTIONS };
};
