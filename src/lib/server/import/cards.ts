/**
 * Deferred debit cards (CB à débit différé): the card's own account, whose purchases are spending and
 * whose total the current account pays in one monthly debit. Names such an account for the person
 * ("Carte •••• 1234") and reads the sign convention of a card statement.
 */

/**
 * "Carte •••• 1234" from a card number as files write it (`4974XXXXXXXX1234`, `4533 07xx xxxx xx60`,
 * `************1234`): its last digits, at most four; the network or product name in front when given
 * ("Carte VISA PREMIER •••• 60"). "Carte" alone when the file gives no number.
 */
export function cardLabel(number: string | null, product: string | null = null): string {
	const name = product ? `Carte ${product}` : 'Carte';
	const compact = (number ?? '').replace(/[\s\-.]/g, '');
	if (compact === '') return name;
	const digits = /(\d{1,4})$/.exec(compact);
	return `${name} •••• ${digits ? digits[1] : compact.slice(-4)}`;
}

/** OFX transaction types of a purchase, a withdrawal or a fee: what a card statement spends. */
const SPENDING_TYPES = new Set(['POS', 'DEBIT', 'ATM', 'FEE', 'SRVCHG', 'CHECK', 'CASH', 'DIRECTDEBIT']);

/**
 * True when a card statement writes its spending as positive amounts (several French banks' deferred
 * card OFX: `<TRNTYPE>POS<TRNAMT>45.20`), decided from its purchase-type rows: more positive than
 * negative. Such a statement is read with every sign reversed (a refund then comes out positive).
 */
export function spendingIsPositive(rows: { type: string | null; amount: number }[]): boolean {
	let positive = 0;
	let negative = 0;
	for (const r of rows) {
		if (!r.type || !SPENDING_TYPES.has(r.type.toUpperCase())) continue;
		if (r.amount > 0) positive++;
		else if (r.amount < 0) negative++;
	}
	return positive > negative;
}

/**
 * The monthly debit by which a current account pays its deferred card ("RELEVE CB", "FACTURE CARTE DU
 * 30/09", "ARRETE DES DEPENSES CARTE", "PRLV CARTE DEBIT DIFFERE", "RELEVE DIFFERE CARTE 4974…"), from its
 * upper-cased, accent-free label. When the card's own statement is imported too, that debit is a transfer
 * between the household's accounts: counting it as spending would count each purchase twice.
 */
const SETTLEMENT =
	/\b(RELEVE (DIFFERE )?(CB|CARTES?)|FACTURES? CARTES?|ARRETE (DES )?(DEPENSES|OPERATIONS)( CARTE| CB)?|DEPENSES CARTES?( DU MOIS)?|(PRLV|PRELEVEMENT|DEBIT|REGLEMENT|TOTAL) (CARTE|CB)( \S+)* DIFF(ERE)?|CB DIFFERE|CARTE DIFFERE|DEBIT DIFFERE)\b/;

export function isCardSettlement(label: string): boolean {
	return SETTLEMENT.test(label);
}
