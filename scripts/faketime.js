// The unit tests and the end-to-end server run at a fixed instant (TEST_NOW) through libfaketime (Debian's `faketime` package),
// so that the suites give the same result whatever the day it runs: the demo statements are written relative
// to the seed day, and whether a household is overdrawn, or a bill is still to come, depends on that day.
import { existsSync } from 'node:fs';

export const FAKETIME_CANDIDATES = [
	'/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
	'/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
	'/usr/lib/faketime/libfaketime.so.1'
];

/** The instant the suite runs at ("YYYY-MM-DD HH:MM:SS", UTC); TEST_NOW=off runs it at the real time. */
export const TEST_DEFAULT_NOW = '2026-12-06 10:00:00';

/** @returns {string | null} */
export function faketimeLibrary() {
	const fromEnv = process.env.FAKETIME_LIB;
	if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
	return FAKETIME_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/**
 * The environment that starts a process at `instant`, its clock then running at normal speed (timers and
 * the monotonic clock are left real); `null` for TEST_NOW=off.
 * @param {string | undefined} instant
 * @returns {Record<string, string> | null}
 */
export function faketimeEnv(instant) {
	if (instant === 'off') return null;
	const lib = faketimeLibrary();
	if (!lib) throw new Error('libfaketime est introuvable : sudo apt-get install -y faketime (ou TEST_NOW=off)');
	return {
		LD_PRELOAD: lib,
		FAKETIME: `@${instant ?? TEST_DEFAULT_NOW}`,
		FAKETIME_DONT_FAKE_MONOTONIC: '1',
		TZ: 'UTC'
	};
}
