/**
 * The forecast's "Et si…" scenarios, read from the URL so they work without JavaScript and can be shared.
 *
 * Two spellings are read side by side:
 * - the compact ones links and bookmarks use: `add=DATE|LABEL|AMOUNT`, `skip=KEY`, `move=KEY@DATE`;
 * - the "Et si…" form's fields: `si_date`, `si_label`, `si_amount` (one addition) and `preset`
 *   (`skip:KEY` or `move:KEY@DATE`, chosen among the coming debits).
 * Both end up in one scenario; `canonical` writes it back in the compact spelling so the next form keeps it.
 */
import { isIsoDate } from './dates';
import { centsToString, MoneyParseError, parseAmount } from './money';

export interface WhatIfScenario {
	skips: string[];
	moves: { eventKey: string; newDate: string }[];
	/** amounts in integer cents */
	additions: { date: string; label: string; amount: number }[];
}

export interface ParsedWhatIf {
	whatIf: WhatIfScenario;
	active: boolean;
	/** French messages by form field (si_date, si_label, si_amount, preset); the scenario leaves the field out */
	errors: Record<string, string>;
	/** the scenario as compact URL parameters, to carry over in hidden fields and links */
	canonical: [name: 'add' | 'skip' | 'move', value: string][];
}

function parseMove(value: string): { eventKey: string; newDate: string } | null {
	const at = value.lastIndexOf('@');
	if (at <= 0) return null;
	const eventKey = value.slice(0, at);
	const newDate = value.slice(at + 1);
	return isIsoDate(newDate) ? { eventKey, newDate } : null;
}

function parseAdd(value: string): { date: string; label: string; amount: number } | null {
	const [date, label, amount] = value.split('|');
	if (!date || !isIsoDate(date) || !label?.trim()) return null;
	try {
		return { date, label: label.trim().slice(0, 120), amount: parseAmount(amount ?? '') };
	} catch {
		return null;
	}
}

/** The addition typed in the "Et si…" form, or the errors naming its fields; null when the form was left empty. */
function formAddition(
	p: URLSearchParams,
	errors: Record<string, string>
): { date: string; label: string; amount: number } | null {
	const date = (p.get('si_date') ?? '').trim();
	const label = (p.get('si_label') ?? '').trim();
	const rawAmount = (p.get('si_amount') ?? '').trim();
	if (!date && !label && !rawAmount) return null;
	const before = Object.keys(errors).length;
	if (!date) errors.si_date = 'Date : choisissez le jour de l’opération.';
	else if (!isIsoDate(date)) errors.si_date = `Date : « ${date} » n’est pas une date (exemple : 15/12/2026).`;
	if (label.length < 2) errors.si_label = 'Libellé : quelques mots pour reconnaître l’opération (exemple : prime).';
	let amount = 0;
	if (!rawAmount) errors.si_amount = 'Montant : indiquez un montant, négatif pour une dépense (exemple : -45,20).';
	else {
		try {
			amount = parseAmount(rawAmount);
			if (amount === 0) errors.si_amount = 'Montant : un montant de 0 € ne change rien.';
		} catch (e) {
			if (!(e instanceof MoneyParseError)) throw e;
			errors.si_amount = `Montant : « ${rawAmount} » n’est pas un montant lisible (exemple : -45,20).`;
		}
	}
	// a '|' would split the compact spelling
	return Object.keys(errors).length > before ? null : { date, label: label.replace(/\|/g, '/').slice(0, 120), amount };
}

function formPreset(p: URLSearchParams, w: WhatIfScenario, errors: Record<string, string>): void {
	const preset = (p.get('preset') ?? '').trim();
	if (!preset) return;
	if (preset.startsWith('skip:') && preset.length > 5) {
		w.skips.push(preset.slice(5));
		return;
	}
	const move = preset.startsWith('move:') ? parseMove(preset.slice(5)) : null;
	if (move) w.moves.push(move);
	else errors.preset = 'Changement prévu : choisissez un prélèvement de la liste.';
}

/** Reads every scenario parameter of the URL; unreadable compact parameters are left out as before. */
export function parseWhatIf(p: URLSearchParams): ParsedWhatIf {
	const errors: Record<string, string> = {};
	const whatIf: WhatIfScenario = {
		skips: p.getAll('skip').filter((k) => k !== ''),
		moves: p.getAll('move').flatMap((m) => parseMove(m) ?? []),
		additions: p.getAll('add').flatMap((a) => parseAdd(a) ?? [])
	};
	const added = formAddition(p, errors);
	if (added) whatIf.additions.push(added);
	formPreset(p, whatIf, errors);
	whatIf.skips = [...new Set(whatIf.skips)];
	const canonical: ParsedWhatIf['canonical'] = [
		...whatIf.additions.map((a): ['add', string] => ['add', `${a.date}|${a.label}|${centsToString(a.amount)}`]),
		...whatIf.skips.map((k): ['skip', string] => ['skip', k]),
		...whatIf.moves.map((m): ['move', string] => ['move', `${m.eventKey}@${m.newDate}`])
	];
	return { whatIf, active: canonical.length > 0, errors, canonical };
}

/** A query string with the canonical scenario, the horizon and optional extra or removed parameters. */
export function whatIfQuery(
	days: number,
	canonical: ParsedWhatIf['canonical'],
	change: { add?: [string, string]; drop?: number } = {}
): string {
	const q = new URLSearchParams({ days: String(days) });
	canonical.forEach(([n, v], i) => {
		if (i !== change.drop) q.append(n, v);
	});
	if (change.add) q.append(change.add[0], change.add[1]);
	return `?${q.toString()}`;
}
