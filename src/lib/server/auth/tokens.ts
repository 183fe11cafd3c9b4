/** Random tokens for cookies and links; only their SHA-256 is stored, so a database leak gives no usable token. */
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
	return randomBytes(24).toString('base64url');
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}
