import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './scripts/chromium-path.js';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://localhost:${PORT}`;
const launchOptions = {
	executablePath: chromiumPath(),
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run'
	]
};

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: process.env.CI ? 2 : 2,
	retries: process.env.CI ? 1 : 0,
	reporter: [['list']],
	timeout: 45_000,
	expect: { timeout: 10_000 },
	use: { baseURL, locale: 'fr-FR', timezoneId: 'Europe/Paris', trace: 'retain-on-failure', launchOptions },
	projects: [
		{ name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions } },
		{ name: 'phone', use: { ...devices['Pixel 7'], launchOptions } },
		{ name: 'no-js', use: { ...devices['Desktop Chrome'], javaScriptEnabled: false, launchOptions }, grep: /@core/ }
	],
	webServer: {
		command: 'node scripts/e2e-server.js',
		url: `${baseURL}/login`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'pipe',
		stderr: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
		env: { E2E_PORT: String(PORT) }
	}
});
