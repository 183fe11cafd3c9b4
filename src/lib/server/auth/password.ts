/**
 * Password hashing with argon2id (OWASP parameters: 19 MiB, 2 iterations, 1 lane) and the password policy
 * shown to people when they choose one: at least 12 characters, not one of the passwords attackers try
 * first (zxcvbn-ts with its common and French dictionaries, keyboard walks, dates and repeats), not the
 * person's e-mail address or name, not their current password.
 */
import { createRequire } from 'node:module';
import type * as Argon2 from '@node-rs/argon2';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

// the native argon2 module is loaded by the first hash or verification (a command that signs nobody in
// never pays its memory)
const load = createRequire(import.meta.url);
let argon2: typeof Argon2 | null = null;
function hasher(): typeof Argon2 {
	argon2 ??= load('@node-rs/argon2') as typeof Argon2;
	return argon2;
}

const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's score (0–4) from which a password resists an online attack with throttling comfortably */
const MIN_SCORE = 3;

export function hashPassword(password: string): Promise<string> {
	return hasher().hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	const argon = hasher();
	try {
		return await argon.verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** A hash of a random password, verified against when the account does not exist (same timing). */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
	dummyHash ??= hashPassword(`dummy-${Math.random()}`);
	return dummyHash;
}

/** The estimator and its dictionaries (several megabytes), loaded the first time a password is chosen. */
let strength: Promise<ZxcvbnFactory> | null = null;
function estimator(): Promise<ZxcvbnFactory> {
	strength ??= (async () => {
		const [{ ZxcvbnFactory }, common, fr] = await Promise.all([
			import('@zxcvbn-ts/core'),
			import('@zxcvbn-ts/language-common'),
			import('@zxcvbn-ts/language-fr')
		]);
		return new ZxcvbnFactory({
			dictionary: { ...common.dictionary, ...fr.dictionary },
			graphs: common.adjacencyGraphs,
			translations: fr.translations
		});
	})();
	return strength;
}

/** What the person is known by: their address, its local part, their name (words of it). */
function personalWords(person: { email?: string | null; name?: string | null }): string[] {
	const email = (person.email ?? '').trim().toLowerCase();
	const words = [email, email.split('@')[0], ...(person.name ?? '').toLowerCase().split(/[\s.'’-]+/)];
	return words.filter((w) => w.length >= 3);
}

/**
 * French message when the password is not acceptable, else null. `person` is who chooses it; `current` their
 * password in force (a new one must differ).
 */
export async function passwordProblem(
	password: string,
	person: { email?: string | null; name?: string | null } = {},
	current?: string
): Promise<string | null> {
	if (password.length < MIN_PASSWORD_LENGTH)
		return `Le mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères (une phrase de quelques mots convient très bien).`;
	if (password.length > MAX_PASSWORD_LENGTH)
		return `Le mot de passe est trop long (${MAX_PASSWORD_LENGTH} caractères au plus).`;
	const lower = password.toLowerCase();
	const email = (person.email ?? '').trim().toLowerCase();
	if (email && (lower === email || lower.includes(email)))
		return 'Le mot de passe ne doit pas reprendre votre adresse e-mail.';
	const letters = (t: string) =>
		t
			.toLowerCase()
			.normalize('NFD')
			.replace(/[^a-z]/g, '');
	const name = letters(person.name ?? '');
	if (name.length >= 5 && letters(password).includes(name)) return 'Le mot de passe ne doit pas reprendre votre nom.';
	if (current !== undefined && password === current)
		return 'Choisissez un mot de passe différent de celui que vous utilisez aujourd’hui.';
	const result = (await estimator()).check(password, personalWords(person));
	if (result.score < MIN_SCORE) {
		const why = result.feedback.warning ? ` ${result.feedback.warning.replace(/\.?$/, '.')}` : '';
		return `Ce mot de passe est trop facile à deviner.${why} Ajoutez des mots ou choisissez une courte phrase.`;
	}
	return null;
}
