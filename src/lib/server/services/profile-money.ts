/** Reads an amount typed in a form ("1 234,56", "450") into the profile's "1234.56" string, or null. */
import { centsToString, MoneyParseError, parseAmount } from '$lib/money';

export function parseMoney(raw: string): string | null {
	try {
		const cents = parseAmount(raw, { decimal: raw.includes(',') ? ',' : '.' });
		return cents < 0 ? null : centsToString(cents);
	} catch (e) {
		if (e instanceof MoneyParseError) return null;
		throw e;
	}
}
