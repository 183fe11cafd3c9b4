/**
 * French words as a person writes them: real plurals (never "opération(s)"), lists joined with « et ».
 * Shared by pages, e-mails and PDFs.
 */

/** "1 conseiller", "3 conseillers", "0 opération" (French: 0 and 1 take the singular). */
const count = new Intl.NumberFormat('fr-FR');

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
	return `${count.format(n)} ${Math.abs(n) >= 2 ? pluralForm : singular}`;
}

/** The word alone, agreed with n: pluralWord(2, 'importée') → "importées". */
export function pluralWord(n: number, singular: string, pluralForm = `${singular}s`): string {
	return Math.abs(n) >= 2 ? pluralForm : singular;
}

/** A list in French: "a", "a et b", "a, b et c". */
export function frenchList(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/**
 * French spacing for display: a no-break space before « ; : ! ? » and inside « », so that a line never starts
 * with a colon or a closing guillemet. For pages only: a text that is stored or sent is left as it is.
 */
export function typeset(s: string): string {
	return s.replace(/ ([;:!?»])/g, '\u00a0$1').replace(/« /g, '«\u00a0');
}
