import { describe, expect, it } from 'vitest';
import { displayPayee, payeeKey } from '$lib/server/projection/payee-key';
import { detectRecurring } from '$lib/server/projection/recurring';
import type { RecurringTxInput } from '$lib/server/projection/types';

const MONTHS_FR = ['JANVIER', 'FEVRIER', 'MARS', 'AVRIL', 'MAI', 'JUIN', 'JUILLET', 'AOUT', 'SEPTEMBRE', 'OCTOBRE'];

describe('payeeKey leaves out what changes every month', () => {
	it('drops French, English and abbreviated month names, years, dates, echeances, references and counters', () => {
		const same = (labels: string[]) => expect(new Set(labels.map((l) => payeeKey(null, l))).size).toBe(1);
		same(['VIREMENT DE SAS X SALAIRE AOUT 2026', 'VIREMENT DE SAS X SALAIRE SEPTEMBRE 2026']);
		same(['VIR CAF PRIME ACTIVITE SEPT 26', 'VIR CAF PRIME ACTIVITE OCT 26', 'VIR CAF PRIME ACTIVITE JANV 27']);
		same(['SALARY NOVEMBER 2026 TECHCORP LTD', 'SALARY DECEMBER 2026 TECHCORP LTD', 'SALARY MAY 2027 TECHCORP LTD']);
		same(['PRLV SEPA COFIDIS ECHEANCE 09/2026', 'PRLV SEPA COFIDIS ECHEANCE 10/2026']);
		same(['PRLV SEPA SOFINCO ECH 3/10 REF KJQZPWX', 'PRLV SEPA SOFINCO ECH 4/10 REF ABCDEFGH']);
		same(['PRLV SEPA COFIDIS ECH DU 10/11/26', 'PRLV SEPA COFIDIS ECH DU 10/12/26']);
		same(['VIR FRANCE TRAVAIL ARE 092026', 'VIR FRANCE TRAVAIL ARE 102026']);
		expect(payeeKey(null, 'VIREMENT DE SAS X SALAIRE AOUT 2026')).toBe('SAS SALAIRE');
		expect(payeeKey(null, 'PRLV SEPA COFIDIS ECHEANCE 09/2026')).toBe('COFIDIS');
	});

	it('does the same to a payee that carries the month, and keeps what names the payee', () => {
		expect(payeeKey('SAS BATIPRO SALAIRE NOVEMBRE 2026', 'x')).toBe(payeeKey('SAS BATIPRO SALAIRE DECEMBRE 2026', 'y'));
		expect(payeeKey('SAS BATIPRO SALAIRE NOVEMBRE 2026', 'x')).toBe('SAS BATIPRO SALAIRE');
		// unchanged for a plain payee (series keys already stored stay valid)
		expect(payeeKey('CAF de la Gironde', 'VIR CAF')).toBe('CAF DE LA GIRONDE');
		// two payees stay two; a first name is not a month
		expect(payeeKey(null, 'PRLV SEPA EDF')).not.toBe(payeeKey(null, 'PRLV SEPA ENGIE'));
		expect(payeeKey(null, 'VIR DE MARC DUPONT')).toBe('MARC DUPONT');
		// a settlement label made of operation words and numbers still has a stable key
		expect(payeeKey(null, 'FACTURE CARTE DU 300926 CARTE 4974XXXXXXXX1234')).toBe(
			payeeKey(null, 'FACTURE CARTE DU 311026 CARTE 4974XXXXXXXX1234')
		);
	});

	it('shows the payee without the month words', () => {
		expect(displayPayee('SAS X Salaire Août 2026')).toBe('SAS X Salaire');
		expect(displayPayee('Cofidis échéance 09/2026')).toBe('Cofidis échéance');
		expect(displayPayee('EDF')).toBe('EDF');
	});
});

describe('a salary whose label names the month', () => {
	const txs: RecurringTxInput[] = MONTHS_FR.map((m, i) => ({
		id: i + 1,
		date: `2026-${String(i + 1).padStart(2, '0')}-27`,
		amount: 185_000 + (i % 3) * 1_000,
		payee: null,
		normalisedLabel: `VIREMENT DE SAS X SALAIRE ${m} 2026`,
		category: 'income.salary',
		accountId: 1
	}));

	it('is one monthly series, not ten yearly ones', () => {
		const series = detectRecurring(txs, { asOf: '2026-11-05' });
		expect(series).toHaveLength(1);
		expect(series[0]).toMatchObject({ cadence: 'monthly', occurrences: 10, status: 'active', payee: 'SAS SALAIRE' });
		// the label keeps the month: only the key drops it
		expect(txs[7].normalisedLabel).toContain('AOUT 2026');
	});

	it('is one series too when the payee carries the month', () => {
		const withPayee = txs.map((t, i) => ({ ...t, payee: `SAS X Salaire ${MONTHS_FR[i]} 2026` }));
		const series = detectRecurring(withPayee, { asOf: '2026-11-05' });
		expect(series.map((s) => [s.payee, s.cadence])).toEqual([['SAS X Salaire', 'monthly']]);
	});
});
