/** `bgv fees`: incident fees per month against the legal caps (--json), and the letter to the bank (--letter). */
import { writeFile } from 'node:fs/promises';
import { centsToString } from '$lib/money';
import type { FeeCheck } from '../fees/check';
import { householdFees } from '../services/fees-service';
import { feeLetterText, renderLetterPdf } from '../services/fee-letter';
import { householdOption, output, stringOption } from './helpers';
import type { Command } from './types';

/** The contract's JSON of a fee check (money as strings with two decimals). */
export function feesJson(check: FeeCheck) {
	return {
		months: check.months.map((m) => ({
			month: m.month,
			interventionCount: m.interventionCount,
			interventionTotal: centsToString(m.interventionTotal),
			rejectionTotal: centsToString(m.rejectionTotal),
			incidentTotal: centsToString(m.incidentTotal),
			reclaimable: centsToString(m.reclaimable),
			reasons: m.breaches.map((b) => b.text)
		})),
		reclaimable: centsToString(check.reclaimable)
	};
}

export const feesCommand: Command = {
	words: ['fees'],
	summary: 'frais d’incident par mois comparés aux plafonds légaux, et la lettre de réclamation à la banque',
	usage: 'fees --household ID [--from YYYY-MM] [--to YYYY-MM] [--fragile] [--ocf] [--letter FILE.pdf] [--json]',
	options: {
		household: { type: 'string', description: 'identifiant du ménage' },
		from: { type: 'string', description: 'premier mois (AAAA-MM)' },
		to: { type: 'string', description: 'dernier mois (AAAA-MM)' },
		fragile: { type: 'boolean', description: 'client que la banque aurait dû identifier comme fragile (25 €/mois)' },
		ocf: { type: 'boolean', description: 'titulaire de l’offre spécifique ou des services bancaires de base' },
		letter: { type: 'string', description: 'écrit la lettre à la banque en PDF dans FILE' },
		json: { type: 'boolean', description: 'sortie JSON' }
	},
	async run(ctx) {
		const scope = await householdOption(ctx);
		const view = await householdFees(ctx.handle.db, scope, {
			from: stringOption(ctx, 'from'),
			to: stringOption(ctx, 'to'),
			fragile: ctx.options.fragile === true,
			ocf: ctx.options.ocf === true
		});
		const letter = stringOption(ctx, 'letter');
		if (letter) {
			const now = new Date();
			await writeFile(letter, await renderLetterPdf(feeLetterText(view, now), { now }));
		}
		const { check } = view;
		output(ctx, feesJson(check), () =>
			[
				...check.months.map(
					(m) =>
						`${m.month} : ${centsToString(m.incidentTotal)} € de frais d'incident, ${centsToString(m.reclaimable)} € au-delà des plafonds`
				),
				`À réclamer : ${centsToString(check.reclaimable)} €`,
				...(letter ? [`Lettre écrite : ${letter}`] : [])
			].join('\n')
		);
	}
};
