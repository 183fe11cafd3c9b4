/**
 * A real SMTP server for the tests (the smtp-server package), on a port the system picks, that keeps every
 * message it receives, parsed (mailparser). Tests point SMTP_URL at it and read what was delivered.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface Delivered {
	to: string[];
	from: string;
	subject: string;
	text: string;
}

export interface TestSmtp {
	url: string;
	messages: Delivered[];
	/** resolves when `count` messages have arrived */
	waitFor(count: number): Promise<Delivered[]>;
	close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
	const messages: Delivered[] = [];
	const waiters: { count: number; resolve: (m: Delivered[]) => void }[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((mail) => {
					messages.push({
						to: session.envelope.rcptTo.map((r) => r.address),
						from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
						subject: mail.subject ?? '',
						text: mail.text ?? ''
					});
					for (const w of waiters.filter((w) => messages.length >= w.count)) w.resolve(messages.slice());
					callback();
				})
				.catch((e) => callback(e));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `smtp://127.0.0.1:${port}`,
		messages,
		waitFor: (count) =>
			messages.length >= count
				? Promise.resolve(messages.slice())
				: new Promise((resolve) => waiters.push({ count, resolve })),
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
