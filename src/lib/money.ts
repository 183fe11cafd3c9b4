/**
 * Money helpers shared by server and browser. Amounts are integer cents (a branded number that is
 * always a safe integer); decimal.js is used only at the edges, to read bank strings exactly and to
 * apply rates. A JS float never holds money.
 */
import Decimal from 'decimal.js';

/** An amount in euro cents, negative for debits. Always a safe integer. */
export type Cents = number;

export class MoneyParseError extends Error {
	constructor(
		message: string,
		readonly input: string
	) {
		super(message);
		this.name = 'MoneyParseError';
	}
}

/** Throws unless `value` is a safe integer number of cents. */
export function assertCents(value: number): Cents {
	if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer number of cents: ${value}`);
	return value;
}

/** Converts an exact Decimal euro amount to cents; throws if it has more than two decimals. */
export function decimalToCents(d: Decimal): Cents {
	const cents = d.times(100);
	if (!cents.isInteger()) throw new MoneyParseError('plus de deux décimales', d.toString());
	return assertCents(cents.toNumber());
}

/** Rounds a Decimal euro amount to cents with the given rounding mode (default: half away from zero). */
export function roundToCents(d: Decimal, rounding: Decimal.Rounding = Decimal.ROUND_HALF_UP): Cents {
	return assertCents(d.times(100).toDecimalPlaces(0, rounding).toNumber());
}

/** Cents as an exact Decimal amount of euros. */
export function centsToDecimal(cents: Cents): Decimal {
	return new Decimal(assertCents(cents)).dividedBy(100);
}

/** Cents as the contract's JSON string: dot, exactly two decimals, `-` for debits ("-1250.00"). */
export function centsToString(cents: Cents): string {
	assertCents(cents);
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	const euros = Math.trunc(abs / 100);
	const rest = abs % 100;
	return `${sign}${euros}.${rest.toString().padStart(2, '0')}`;
}

const THOUSANDS = /[\s\u00a0\u202f'’]/g;
const HAS_SPACE = /[\s\u00a0\u202f'’]/;

export interface ParseAmountOptions {
	/** Which character is the decimal separator; `auto` decides from the string (default). */
	decimal?: ',' | '.' | 'auto';
}

/**
 * Reads an amount written by a human or a bank ("1 234,56", "-20,00", "1.234,56", "+12.5",
 * "12,00-", "-.01", "1 100,50 EUR", "€ 3,20") exactly into cents.
 * Throws MoneyParseError (French message) when the text is not exactly an amount.
 */
export function parseAmount(input: string, options: ParseAmountOptions = {}): Cents {
	const original = input;
	let s = input.trim().replace(/^\+/, '');
	s = s
		.replace(/\s*(EUR|€)\s*$/i, '')
		.replace(/^(EUR|€)\s*/i, '')
		.trim();
	let negative = false;
	if (s.startsWith('(') && s.endsWith(')')) {
		negative = true;
		s = s.slice(1, -1).trim();
	}
	if (s.endsWith('-')) {
		negative = !negative;
		s = s.slice(0, -1).trim();
	} else if (s.startsWith('-')) {
		negative = !negative;
		s = s.slice(1).trim();
	} else if (s.startsWith('+')) {
		s = s.slice(1).trim();
	}
	if (HAS_SPACE.test(s) && !/^\d{1,3}(?:[\s\u00a0\u202f'’]\d{3})+(?:[.,]\d*)?$/.test(s)) {
		throw new MoneyParseError(`montant illisible « ${original} »`, original);
	}
	s = s.replace(THOUSANDS, '');
	if (s === '' || !/^[0-9.,]+$/.test(s)) throw new MoneyParseError(`montant illisible « ${original} »`, original);
	let decimalSep: ',' | '.' | null;
	const mode = options.decimal ?? 'auto';
	if (mode !== 'auto') {
		decimalSep = mode;
	} else {
		const lastComma = s.lastIndexOf(',');
		const lastDot = s.lastIndexOf('.');
		if (lastComma === -1 && lastDot === -1) decimalSep = null;
		else if (lastComma > lastDot) {
			// "1.234,56" or "12,5"; a lone comma followed by exactly 3 digits and a dot elsewhere is thousands
			decimalSep = lastDot !== -1 || !/,\d{3}$/.test(s) || s.split(',').length === 2 ? ',' : null;
			if (decimalSep === null) decimalSep = ',';
		} else {
			decimalSep = '.';
		}
	}
	const thousandSep = decimalSep === ',' ? '.' : ',';
	let intPart = s;
	let fracPart = '';
	if (decimalSep !== null) {
		const idx = s.lastIndexOf(decimalSep);
		if (idx !== -1) {
			intPart = s.slice(0, idx);
			fracPart = s.slice(idx + 1);
		}
	}
	if (fracPart.includes(',') || fracPart.includes('.')) {
		throw new MoneyParseError(`montant illisible « ${original} »`, original);
	}
	if (intPart.includes(decimalSep ?? '\0')) throw new MoneyParseError(`montant illisible « ${original} »`, original);
	if (intPart.includes(thousandSep)) {
		const groups = intPart.split(thousandSep);
		if (groups[0] === '' || groups.slice(1).some((g) => g.length !== 3)) {
			throw new MoneyParseError(`montant illisible « ${original} »`, original);
		}
		intPart = groups.join('');
	}
	if (intPart === '') intPart = '0';
	if (!/^\d+$/.test(intPart) || !/^\d*$/.test(fracPart)) {
		throw new MoneyParseError(`montant illisible « ${original} »`, original);
	}
	if (fracPart.length > 2 && /[1-9]/.test(fracPart.slice(2)) === true) {
		throw new MoneyParseError(`montant avec plus de deux décimales « ${original} »`, original);
	}
	const d = new Decimal(`${intPart}.${fracPart || '0'}`);
	const cents = assertCents(d.times(100).toDecimalPlaces(0, Decimal.ROUND_DOWN).toNumber());
	return negative && cents !== 0 ? -cents : cents;
}

/** Reads the contract's JSON money string ("-12.34", "450.00", "12") into cents. */
export function parseMoneyString(input: string): Cents {
	if (!/^-?\d+(\.\d{1,2})?$/.test(input.trim())) {
		throw new MoneyParseError(`montant attendu au format 1234.56, reçu « ${input} »`, input);
	}
	return decimalToCents(new Decimal(input.trim()));
}

const eurFormatter = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const eurSignedFormatter = new Intl.NumberFormat('fr-FR', {
	style: 'currency',
	currency: 'EUR',
	signDisplay: 'exceptZero'
});

/** Formats cents the French way: "1 234,56 €" (narrow NBSP groups, NBSP before €). */
export function formatEur(cents: Cents, options: { signed?: boolean } = {}): string {
	const formatter = options.signed ? eurSignedFormatter : eurFormatter;
	// Intl accepts a decimal string exactly, so no float is involved.
	return formatter.format(centsToString(cents) as unknown as number);
}
