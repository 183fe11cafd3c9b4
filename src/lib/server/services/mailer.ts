/**
 * E-mails BGV sends (invitations, password reset links, alerts), through nodemailer over the SMTP server
 * of the configuration. Every message is recorded in the outbox with its status; without an SMTP server
 * (the demo, development) it is kept there and written to the log instead, so nothing is lost and the demo
 * works offline. A failure to send is recorded, never thrown at the person who triggered it.
 */
import type { Transporter } from 'nodemailer';
import type { Config } from '../config';
import type { Db } from '../db';

export interface Mail {
	to: string;
	subject: string;
	/** plain text, French */
	text: string;
	/** what the mail is for: 'invitation', 'password_reset', 'alert', 'digest'… */
	purpose: string;
	organisationId: number | null;
}

export interface MailResult {
	id: number;
	status: 'sent' | 'failed' | 'kept';
}

const transports = new Map<string, Transporter>();

/** nodemailer is loaded with the first mail sent (commands that send none do not pay for it). */
async function transportFor(url: string): Promise<Transporter> {
	let t = transports.get(url);
	if (!t) {
		const nodemailer = (await import('nodemailer')).default;
		t = nodemailer.createTransport(url);
		transports.set(url, t);
	}
	return t;
}

/** Sends (or keeps) one e-mail and records it in the outbox. */
export async function sendMail(db: Db, config: Config, mail: Mail, now = new Date()): Promise<MailResult> {
	const row = await db
		.insertInto('outbox')
		.values({
			organisation_id: mail.organisationId,
			to_address: mail.to,
			subject: mail.subject,
			// Kept only while no SMTP server is configured: a sent mail's links (reset, invitation) stay out of
			// the database.
			body: config.mail.smtpUrl ? '' : mail.text,
			purpose: mail.purpose,
			status: 'kept',
			error: null,
			created_at: now.toISOString(),
			sent_at: null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	if (!config.mail.smtpUrl) {
		console.info(`[bgv] e-mail kept in the outbox (no SMTP_URL): ${mail.purpose} to ${mail.to}`);
		return { id: row.id, status: 'kept' };
	}
	try {
		await (
			await transportFor(config.mail.smtpUrl)
		).sendMail({
			from: config.mail.from,
			to: mail.to,
			subject: mail.subject,
			text: mail.text
		});
		await db
			.updateTable('outbox')
			.set({ status: 'sent', sent_at: new Date().toISOString() })
			.where('id', '=', row.id)
			.execute();
		return { id: row.id, status: 'sent' };
	} catch (e) {
		const error = e instanceof Error ? e.message : String(e);
		console.error(`[bgv] e-mail ${row.id} (${mail.purpose}) not sent: ${error}`);
		await db
			.updateTable('outbox')
			.set({ status: 'failed', error: error.slice(0, 500) })
			.where('id', '=', row.id)
			.execute();
		return { id: row.id, status: 'failed' };
	}
}

export interface OutboxRow {
	id: number;
	to: string;
	subject: string;
	body: string;
	purpose: string;
	status: string;
	createdAt: string;
}

/** The organisation's latest e-mails (the admin's outbox page). */
export async function outboxOf(db: Db, organisationId: number, limit = 100): Promise<OutboxRow[]> {
	const rows = await db
		.selectFrom('outbox')
		.selectAll()
		.where('organisation_id', '=', organisationId)
		.orderBy('created_at', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		to: r.to_address,
		subject: r.subject,
		body: r.body,
		purpose: r.purpose,
		status: r.status,
		createdAt: r.created_at
	}));
}

/** A link to a page of BGV, from the configured public URL (relative when none is configured). */
export function appLink(config: Config, path: string): string {
	return `${config.origin ?? ''}${path}`;
}
