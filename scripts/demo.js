#!/usr/bin/env node
// `npm run demo`: builds BGV, migrates and seeds the SQLite demo database, then starts the production
// server and prints the URL and the demo logins.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '3000';
const origin = process.env.ORIGIN ?? `http://localhost:${port}`;
const env = {
	...process.env,
	DATABASE_URL: process.env.DATABASE_URL ?? 'data/bgv.sqlite',
	PORT: port,
	ORIGIN: origin,
	BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '25M'
};

/** @param {string} label @param {string} command @param {string[]} args */
function step(label, command, args) {
	process.stderr.write(`\n▶ ${label}\n`);
	const r = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
	if (r.status !== 0) {
		process.stderr.write(`Échec : ${label}\n`);
		process.exit(r.status ?? 1);
	}
}

step('Construction de l’application', 'npm', ['run', '--silent', 'build']);
step('Base de données et données de démonstration', process.execPath, ['build/cli/bgv.js', 'seed', '--demo']);

const server = spawn(process.execPath, ['server.js'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
setTimeout(() => {
	process.stdout.write(
		[
			'',
			`BGV tourne sur ${origin}`,
			'',
			'Comptes de démonstration (mot de passe : demo-bgv-2026) :',
			'  admin@demo.bgv.fr        administratrice',
			'  conseillere@demo.bgv.fr  conseillère (14 ménages suivis)',
			'  pro@demo.bgv.fr          professionnel formé',
			'  menage@demo.bgv.fr       membre du ménage « Famille Martin »',
			'',
			'Ctrl+C pour arrêter.',
			''
		].join('\n')
	);
}, 1000);
for (const signal of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM']))
	process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
