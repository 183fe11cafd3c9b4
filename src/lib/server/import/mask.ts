/** Masks account numbers and IBANs for display: only the last four characters stay readable. */

/** '•••• 1234' for an account number, 'FR76 •••• •••• 1234' for an IBAN. */
export function maskAccountNumber(s: string): string {
	const compact = s.replace(/[\s\-.]/g, '').replace(/^\*+/, '');
	if (compact === '') return '••••';
	const last4 = compact.slice(-4);
	if (/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/i.test(compact)) return `${compact.slice(0, 4).toUpperCase()} •••• •••• ${last4}`;
	return `•••• ${last4}`;
}
