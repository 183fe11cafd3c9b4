/**
 * Tables of the organisations, their people and what secures them: accounts, sessions, login throttling,
 * households and their members, advisers' assignments, consents, invitations, password resets, the
 * e-mail outbox, the audit log and the alert subscriptions. Part of the schema (schema.ts).
 */
import type { Generated } from 'kysely';

export type Role = 'household' | 'adviser' | 'professional' | 'admin';

export const ROLES: readonly Role[] = ['household', 'adviser', 'professional', 'admin'];

export type Flag = 0 | 1;

export interface OrganisationTable {
	id: Generated<number>;
	name: string;
	created_at: string;
	/** 1 when the association receives referrals from professionals' quick checks (its intake queue) */
	accepts_referrals: Generated<Flag>;
}

export interface AppUserTable {
	/** 1 for the platform's admins, who own the shared reference data (categories, default rules, benefits) */
	platform_admin: Generated<Flag>;
	id: Generated<number>;
	organisation_id: number;
	email: string;
	name: string;
	/** null until an invited person chooses a password */
	password_hash: string | null;
	role: Role;
	active: Flag;
	created_at: string;
	password_changed_at: string | null;
}

export interface SessionTable {
	/** hex SHA-256 of the token held by the cookie: a database leak gives no usable token */
	id: string;
	user_id: number;
	organisation_id: number;
	created_at: string;
	expires_at: string;
	last_seen_at: string;
}

export interface LoginThrottleTable {
	/** `account:<email>` or `ip:<address>` */
	key: string;
	failures: number;
	window_started_at: string;
	locked_until: string | null;
}

export interface HouseholdTable {
	id: Generated<number>;
	organisation_id: number;
	name: string;
	/** short description of the situation, written by the adviser */
	situation: string | null;
	created_at: string;
	archived_at: string | null;
}

export interface HouseholdMemberTable {
	household_id: number;
	user_id: number;
	organisation_id: number;
	created_at: string;
}

export interface AdviserAssignmentTable {
	household_id: number;
	adviser_id: number;
	organisation_id: number;
	created_at: string;
}

export interface ConsentTable {
	id: Generated<number>;
	household_id: number;
	organisation_id: number;
	given_at: string;
	given_by: number | null;
	withdrawn_at: string | null;
	withdrawn_by: number | null;
}

export interface InvitationTable {
	id: Generated<number>;
	organisation_id: number;
	household_id: number;
	/** hex SHA-256 of the single-use token in the link */
	token_hash: string;
	email: string;
	name: string;
	created_by: number;
	created_at: string;
	expires_at: string;
	used_at: string | null;
	/** set when the adviser revoked it (or sent a new link instead) */
	revoked_at: string | null;
}

export interface PasswordResetTable {
	id: Generated<number>;
	organisation_id: number;
	user_id: number;
	/** SHA-256 of the link's token */
	token_hash: string;
	/** the admin who asked for it, null when the person asked themselves */
	created_by: number | null;
	created_at: string;
	expires_at: string;
	used_at: string | null;
}

export type OutboxStatus = 'sent' | 'failed' | 'kept';

/** E-mails sent by BGV; without an SMTP server they are kept here (`kept`) for the demo. */
export interface OutboxTable {
	id: Generated<number>;
	organisation_id: number | null;
	to_address: string;
	subject: string;
	body: string;
	purpose: string;
	status: OutboxStatus;
	error: string | null;
	created_at: string;
	sent_at: string | null;
}

export interface AuditLogTable {
	id: Generated<number>;
	organisation_id: number | null;
	household_id: number | null;
	actor_id: number | null;
	action: string;
	target_type: string | null;
	target_id: string | null;
	/** JSON, never secrets */
	details: string | null;
	ip: string | null;
	at: string;
}

/** A household member who chose to receive the household's new alerts by e-mail. */
export interface AlertSubscriptionTable {
	household_id: number;
	user_id: number;
	organisation_id: number;
	created_at: string;
}

/** An alert or digest already e-mailed to a person (its key), so that none is sent twice. */
export interface AlertSentTable {
	user_id: number;
	key: string;
	organisation_id: number;
	sent_at: string;
}
