// Where Debian's Chromium is (or CHROMIUM_PATH); Playwright never downloads a browser in this project.
import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** @returns {string} */
export function chromiumPath() {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) return fromEnv;
	return CHROMIUM_CANDIDATES.find((p) => existsSync(p)) ?? '/usr/bin/chromium';
}
