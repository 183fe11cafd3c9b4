#!/usr/bin/env node
// Stops the end-to-end tests early, with the way out, when no Chromium is installed.
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium-path.js';
import { faketimeLibrary } from './faketime.js';

const path = chromiumPath();
if (!existsSync(path)) {
	process.stderr.write(
		[
			`Chromium est introuvable (${path}).`,
			'Les tests de bout en bout utilisent le Chromium de Debian, jamais un navigateur téléchargé par Playwright.',
			'Installez-le :  sudo apt-get install -y chromium',
			'ou indiquez un autre binaire :  CHROMIUM_PATH=/chemin/vers/chromium npm test',
			''
		].join('\n')
	);
	process.exit(1);
}
if (process.env.TEST_NOW !== 'off' && !faketimeLibrary()) {
	process.stderr.write(
		[
			'libfaketime est introuvable.',
			'Le serveur des tests de bout en bout tourne à une date fixe (TEST_NOW) pour que les tests ne dépendent pas du jour.',
			'Installez-le :  sudo apt-get install -y faketime',
			'ou lancez les tests à la date réelle :  TEST_NOW=off npm test',
			''
		].join('\n')
	);
	process.exit(1);
}
