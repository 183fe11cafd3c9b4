/** Opening and closing the database the children share, from the test process. */
import { parseDatabaseUrl } from '$lib/server/config';
import type { DbHandle } from '$lib/server/db';
import { openDatabase } from '$lib/server/services/reference-data';
import { waitForNoSessions } from '../../helpers/test-db';

export function openAt(url: string): Promise<DbHandle> {
	return openDatabase(parseDatabaseUrl(url));
}

/** Closes a handle and, on PostgreSQL, waits until its connections are gone (see waitForNoSessions). */
export async function closeHandle(handle: DbHandle, url: string): Promise<void> {
	await handle.close();
	if (handle.dialect === 'postgres') await waitForNoSessions(url);
}
