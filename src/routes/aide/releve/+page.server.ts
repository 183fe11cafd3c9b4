import { banksRead } from '$lib/server/services/import-service';
import type { PageServerLoad } from './$types';

/** Public: general advice on getting a statement file, no household data (a household may read it before logging in). */
export const load: PageServerLoad = async () => ({ banks: banksRead() });
