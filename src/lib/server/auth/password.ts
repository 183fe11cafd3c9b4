/**
 * Password hashing with argon2id (OWASP parameters: 19 MiB, 2 iterations, 1 lane) and the password
 * policy shown to people when they choose one.
 */
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
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

/** French message when the password is not acceptable, else null. */
export function passwordProblem(password: string): string | null {
	if (password.length < MIN_PASSWORD_LENGTH)
		return `Le mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères.`;
	if (password.length > 200) return 'Le mot de passe est trop long (200 caractères au plus).';
	if (/^(.)\1+$/.test(password)) return 'Choisissez un mot de passe moins prévisible.';
	return null;
}
