/**
 * Payee names as a person reads them: canonical names with their accents and capitals, acronyms kept,
 * French small words and elisions, benefit codes and motives after a payer's name dropped; the file's payee
 * tidied; the expected payees of the labelled sets met.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { categorise, compileRules, DEFAULT_RULES } from '$lib/server/rules';
import { displayPayee } from '$lib/server/rules/display';
import { categoriseRows, parseLabelledSet } from '$lib/server/rules/accuracy';

const set = compileRules(DEFAULT_RULES);
const payee = (rawLabel: string, amount: number, filePayee: string | null = null) =>
	categorise(set, { rawLabel, amount, filePayee }).payee;

describe('payee display names', () => {
	it.each([
		['PAIEMENT PAR CARTE X1234 INTERMARCHE SUPER 13/01', -5430, 'Intermarché Super'],
		['VIREMENT EN VOTRE FAVEUR CAF DE LA GIRONDE ALF / AF 012026', 24500, 'CAF de la Gironde'],
		['CARTE 11/12 LECLERC MARLY', -3000, 'E.Leclerc'],
		['CB LA POSTE 12/03', -850, 'La Poste'],
		['CB LE BISTROT D ANTOINE 0504', -2700, "Le Bistrot d'Antoine"],
		['CB BRIOCHE DOREE 12/03', -650, 'Brioche Dorée'],
		['CB PHARMACIE DU MARCHE 12/03', -840, 'Pharmacie du Marché'],
		['VIR SEPA RECU /DE CAF DE L HERAULT /MOTIF AIDE AU LOGEMENT', 24567, "CAF de l'Hérault"],
		['VIR SEPA CPAM DU RHONE IJ MALADIE', 38820, 'CPAM du Rhône'],
		['VIREMENT DE M PETIT KEVIN PENSION ENFANTS', 30000, 'M Petit Kevin'],
		['VIREMENT DE SAS DUVAL SALAIRE AOUT 2026', 150000, 'SAS Duval'],
		['CB MCDO 12/03', -990, "McDonald's"],
		['CB TANG FRERES 14/04 PARIS 13', -2300, 'Tang Frères'],
		['PRLV SEPA CAISSE D EPARGNE ILE DE FRANCE', -900, "Caisse d'Épargne Île de France"],
		['VIR SEPA CHU DE LILLE TRAITEMENT 032026', 190000, 'CHU de Lille']
	])('%s → %s', (raw, amount, want) => {
		expect(payee(raw, amount)).toBe(want);
	});

	it('keeps acronyms and brand spellings, and names that need nothing', () => {
		expect(payee('PRLV SEPA SNCF CONNECT', -3900)).toBe('SNCF Connect');
		expect(payee('PRLV SEPA EDF CLIENTS PARTICULIERS', -7500)).toBe('EDF');
		expect(payee('PRLV SEPA SFR', -2599)).toBe('SFR');
		expect(payee('CB AMAZON PRIME 12/03', -699)).toBe('Amazon Prime');
		expect(payee('PRLV SEPA EKWATEUR', -7640)).toBe('ekWateur');
	});

	it('tidies the file’s payee: one case read like a label, mixed case kept but for accents', () => {
		expect(payee('CB LECLERC DRIVE FACT 250326', -7630, 'E.LECLERC DRIVE')).toBe('E.Leclerc Drive');
		expect(payee('Intermarche Contact', -2300, 'INTERMARCHE CONTACT')).toBe('Intermarché Contact');
		expect(payee('Intermarche Contact', -2300, 'Intermarche Contact')).toBe('Intermarché Contact');
		expect(payee('PRLV SEPA OCTOPUS ENERGY FRANCE', -8100, 'Octopus Energy France')).toBe('Octopus Energy France');
		expect(payee('Facture 2026-017', 98000, 'SARL BATI PRO')).toBe('SARL Bati Pro');
		expect(payee('Deliveroo payout', 21240, 'ROOFOODS LTD')).toBe('Roofoods Ltd');
		expect(payee('CARTE 12/03 X', -100, '   ')).toBe('X');
	});

	it('leaves a rule’s own payee as the rule writes it', () => {
		const rules = compileRules([
			{
				id: 'h.dupont',
				scope: 'household',
				priority: 5,
				match: 'all',
				conditions: [{ field: 'label', op: 'contains', value: 'DUPONT' }],
				actions: { payee: 'mon propriétaire DUPONT' }
			}
		]);
		expect(categorise(rules, { rawLabel: 'VIR SEPA DUPONT', amount: -600 }).payee).toBe('mon propriétaire DUPONT');
	});

	it('is stable: a displayed name displays as itself', () => {
		for (const name of ['Intermarché Super', 'CAF de la Gironde', "Le Bistrot d'Antoine", 'E.Leclerc', 'La Poste']) {
			expect(displayPayee(name)).toBe(name);
		}
		expect(displayPayee(null)).toBeNull();
	});

	it('meets every expected payee of labels.csv', () => {
		const csv = readFileSync(fileURLToPath(new URL('../../fixtures/rules/labels.csv', import.meta.url)), 'utf8');
		const rows = categoriseRows(set, parseLabelledSet(csv)).filter((r) => r.row.expectedPayee !== '');
		const bad = rows.filter((r) => r.got.payee !== r.row.expectedPayee).map((r) => `${r.row.raw} → ${r.got.payee}`);
		expect(rows.length).toBeGreaterThanOrEqual(140);
		expect(bad, bad.join('\n')).toEqual([]);
	});
});
