// ESLint as SvelteKit's own template sets it up (typescript-eslint, eslint-plugin-svelte, Prettier for
// formatting), plus the one-way layer rules of the code: routes and the pure engines never reach the
// database module, and db/ imports nothing above it.
import prettier from 'eslint-config-prettier';
import { fileURLToPath } from 'node:url';
import { includeIgnoreFile } from '@eslint/compat';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const gitignorePath = fileURLToPath(new URL('./.gitignore', import.meta.url));

const DB_MODULES = {
	group: [
		'$lib/server/db',
		'$lib/server/db/*',
		'**/server/db',
		'**/server/db/*',
		'../db',
		'../db/*',
		'kysely',
		'better-sqlite3',
		'pg'
	],
	message: 'Only services (and auth/access.ts) query the database: call a service with a household scope.'
};
const KIT_MODULES = {
	group: ['@sveltejs/kit', '@sveltejs/kit/*', '$app/*', '$env/*'],
	message: 'The engines are plain TypeScript used by routes and the CLI alike: no SvelteKit import.'
};
const ABOVE_ENGINES = {
	group: ['**/services/*', '../services', '**/auth/*', '**/cli/*', '$db/*'],
	message: 'The engines sit below services, auth and the CLI: data in, result out.'
};
const ABOVE_DB = {
	group: [
		'**/services/*',
		'**/auth/*',
		'**/cli/*',
		'**/import/*',
		'**/rules/*',
		'**/projection/*',
		'**/benefits/*',
		'**/fragility/*',
		'$db/seeds/*'
	],
	message: 'db/ imports nothing above it (schema, connection, migrations only).'
};

/** Query-builder calls, wherever the database handle comes from (`locals.db` included). */
const QUERY_CALLS = [
	{
		selector:
			'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|transaction|executeQuery)$/]',
		message: 'Routes parse the form and call one service: the query belongs in a service.'
	},
	{ selector: "TaggedTemplateExpression[tag.name='sql']", message: 'Routes run no SQL: move it to a service.' }
];

export default defineConfig(
	includeIgnoreFile(gitignorePath),
	{ ignores: ['tests/fixtures/**', 'static/**'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// typescript-eslint recommends turning this off: TypeScript checks undefined names itself.
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// BGV is served at the site's root (no paths.base), so plain hrefs are the resolved ones.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: ['src/routes/**', 'src/hooks.server.ts'],
		rules: {
			// Types describe data, they run no query: a route may name a row type.
			'@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ ...DB_MODULES, allowTypeImports: true }] }],
			'no-restricted-syntax': ['error', ...QUERY_CALLS]
		}
	},
	{
		files: [
			'src/lib/server/import/**',
			'src/lib/server/rules/**',
			'src/lib/server/projection/**',
			'src/lib/server/benefits/**',
			'src/lib/server/fragility/**'
		],
		rules: { 'no-restricted-imports': ['error', { patterns: [DB_MODULES, KIT_MODULES, ABOVE_ENGINES] }] }
	},
	{
		files: ['src/lib/server/db/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [ABOVE_DB] }] }
	}
);
