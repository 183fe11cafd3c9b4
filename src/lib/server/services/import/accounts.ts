/**
 * Which of the household's accounts a parsed account fills: by IBAN, then account number, then the name the
 * person gave, then the only account when the file names none. Pure: the accounts are read by the caller.
 */
import { maskAccountNumber, type ParsedAccount } from '../../import';
import type { AccountRow } from '../accounts';

function compact(s: string | null): string | null {
	const d = s?.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
	return d ? d : null;
}

export interface AccountChoice {
	/** an existing account the person picked */
	accountId?: number | null;
	/** the name the person typed, for a new account or to find one */
	accountName?: string | null;
}

/** The existing account the parsed account belongs to, or null when the import must create one. */
export function findAccount(accounts: AccountRow[], choice: AccountChoice, parsed: ParsedAccount): AccountRow | null {
	if (choice.accountId) return accounts.find((a) => a.id === choice.accountId) ?? null;
	const iban = compact(parsed.iban);
	const number = compact(parsed.accountNumber);
	const byIban = iban ? accounts.find((a) => compact(a.iban) === iban) : undefined;
	if (byIban) return byIban;
	if (number) {
		const byNumber = accounts.find((a) => {
			const n = compact(a.accountNumber);
			const i = compact(a.iban);
			return n === number || (i !== null && i.includes(number)) || (n !== null && iban !== null && iban.includes(n));
		});
		if (byNumber) return byNumber;
	}
	const name = choice.accountName?.trim().toLowerCase();
	if (name) {
		const byName = accounts.find((a) => a.name.toLowerCase() === name);
		if (byName) return byName;
	}
	if (!iban && !number && !name && accounts.length === 1) return accounts[0];
	return null;
}

/** The identifiers of the file that the matched account lacks (filled in when the import is committed). */
export function missingIdentifiers(
	account: AccountRow,
	parsed: ParsedAccount
): { iban: string | null; accountNumber: string | null } | null {
	const iban = account.iban ?? parsed.iban;
	const accountNumber = account.accountNumber ?? parsed.accountNumber;
	return iban !== account.iban || accountNumber !== account.accountNumber ? { iban, accountNumber } : null;
}

/** The name of an account the import creates: the person's, the file's, or its masked number. */
export function newAccountName(choice: AccountChoice, parsed: ParsedAccount, existingCount: number): string {
	const masked = maskAccountNumber(parsed.iban ?? parsed.accountNumber ?? '');
	const name =
		choice.accountName?.trim() ||
		[parsed.label, parsed.bankName].filter(Boolean).join(' · ') ||
		(parsed.iban || parsed.accountNumber
			? `Compte ${masked}`
			: existingCount === 0
				? 'Compte courant'
				: `Compte ${existingCount + 1}`);
	return name.slice(0, 120);
}

/** The number or IBAN the file gives, masked for display. */
export function maskedNumberOf(parsed: ParsedAccount): string | null {
	const n = parsed.iban || parsed.accountNumber;
	return n ? maskAccountNumber(n) : null;
}
