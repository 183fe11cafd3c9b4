/**
 * The only reader of the environment. Everything configurable is parsed here once, with defaults, so the
 * rest of the code receives a typed object (and the kit 3 move of `$env` stays local).
 */
export type DatabaseTarget = { dialect: 'postgres'; url: string } | { dialect: 'sqlite'; path: string };

export interface Config {
	database: DatabaseTarget;
	/** session lifetime in days; a session used after half of it is extended (sliding expiry) */
	sessionDays: number;
	/** failures allowed per account / per IP within the window before a temporary lock */
	throttle: { accountFailures: number; ipFailures: number; windowMinutes: number; lockMinutes: number };
	/** days an invitation link stays valid */
	invitationDays: number;
	/** largest statement file accepted, in bytes (IMPORT_MAX_MB, default 20) */
	importMaxBytes: number;
	/** the public URL (ORIGIN), for links in e-mails and HSTS; null when unset (development) */
	origin: string | null;
	/** e-mail: SMTP server URL (smtp:// or smtps://, credentials included) and sender; without a server, mails
	 * are kept in the outbox (for the demo) and written to the log */
	mail: { smtpUrl: string | null; from: string };
	/** hours a password reset link stays valid */
	resetLinkHours: number;
	/** time budget of reading one uploaded statement, in a worker thread (IMPORT_PARSE_SECONDS, default 20) */
	importParseTimeoutMs: number;
	/** BGV_TRACE_STAGES=1: `bgv import` announces each stage on stderr as it ends (for the kill and concurrency tests) */
	traceStages: boolean;
	/** days a referral closed or not taken up is kept before `bgv purge-referrals` erases it (REFERRAL_KEEP_DAYS, default 90) */
	referralKeepDays: number;
	/** months without a member's login, an import or an adviser's action after which a household is flagged for
	 * erasure (RETENTION_MONTHS, default 24) */
	retentionMonths: number;
	/** months an audit entry is kept before the purge (AUDIT_RETENTION_MONTHS, default 12) */
	auditRetentionMonths: number;
	/** the server's periodic tasks (audit purge, advisers' morning digest); BGV_PERIODIC=0 turns them off */
	periodic: boolean;
	/** hour (Paris time, 0–23) from which the advisers' morning digest goes out (DIGEST_HOUR, default 7) */
	digestHour: number;
}

export const DEFAULT_SQLITE_PATH = 'data/bgv.sqlite';

/** `postgres://` or `postgresql://` selects PostgreSQL; anything else is a SQLite path (optional `file:`). */
export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
	const value = (url ?? '').trim();
	if (/^postgres(ql)?:\/\//i.test(value)) return { dialect: 'postgres', url: value };
	if (value === '') return { dialect: 'sqlite', path: DEFAULT_SQLITE_PATH };
	const path = value.replace(/^file:(\/\/)?/, '').replace(/^sqlite:(\/\/)?/, '');
	return { dialect: 'sqlite', path: path === '' ? DEFAULT_SQLITE_PATH : path };
}

function positiveInt(env: Record<string, string | undefined>, name: string, fallback: number): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
	return n;
}

function parseOrigin(raw: string | undefined): string | null {
	const value = (raw ?? '').trim();
	if (value === '') return null;
	const url = new URL(value);
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		throw new Error(`ORIGIN must be an http(s) URL, got "${raw}"`);
	return url.origin;
}

function parseSmtpUrl(raw: string | undefined): string | null {
	const value = (raw ?? '').trim();
	if (value === '') return null;
	if (!/^smtps?:\/\//i.test(value)) throw new Error('SMTP_URL must start with smtp:// or smtps://');
	return value;
}

function hourOf(raw: string | undefined): number {
	if (raw === undefined || raw.trim() === '') return 7;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 0 || n > 23)
		throw new Error(`DIGEST_HOUR must be an hour from 0 to 23, got "${raw}"`);
	return n;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
	return {
		database: parseDatabaseUrl(env.DATABASE_URL),
		sessionDays: positiveInt(env, 'SESSION_DAYS', 30),
		throttle: {
			accountFailures: positiveInt(env, 'LOGIN_MAX_FAILURES_ACCOUNT', 5),
			ipFailures: positiveInt(env, 'LOGIN_MAX_FAILURES_IP', 30),
			windowMinutes: positiveInt(env, 'LOGIN_WINDOW_MINUTES', 15),
			lockMinutes: positiveInt(env, 'LOGIN_LOCK_MINUTES', 15)
		},
		invitationDays: positiveInt(env, 'INVITATION_DAYS', 7),
		importMaxBytes: positiveInt(env, 'IMPORT_MAX_MB', 20) * 1024 * 1024,
		origin: parseOrigin(env.ORIGIN),
		mail: {
			smtpUrl: parseSmtpUrl(env.SMTP_URL),
			from: (env.MAIL_FROM ?? '').trim() || 'BGV <ne-pas-repondre@bgv.invalid>'
		},
		resetLinkHours: positiveInt(env, 'RESET_LINK_HOURS', 2),
		importParseTimeoutMs: positiveInt(env, 'IMPORT_PARSE_SECONDS', 20) * 1000,
		traceStages: env.BGV_TRACE_STAGES === '1',
		referralKeepDays: positiveInt(env, 'REFERRAL_KEEP_DAYS', 90),
		retentionMonths: positiveInt(env, 'RETENTION_MONTHS', 24),
		auditRetentionMonths: positiveInt(env, 'AUDIT_RETENTION_MONTHS', 12),
		periodic: env.BGV_PERIODIC !== '0',
		digestHour: hourOf(env.DIGEST_HOUR)
	};
}
