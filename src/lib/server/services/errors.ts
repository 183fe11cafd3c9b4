/**
 * Errors the services raise for bad input or a missing record. Routes turn them into `fail(400)` with the
 * field's French message, or a 404; the CLI into exit status 2 with `{"error": {"message", "line"}}`.
 */
export class InputError extends Error {
	constructor(
		message: string,
		readonly field: string | null = null,
		readonly line: number | null = null
	) {
		super(message);
		this.name = 'InputError';
	}
}

export class NotFoundError extends Error {
	constructor(message = 'Introuvable.') {
		super(message);
		this.name = 'NotFoundError';
	}
}

/** The actor may see the thing but not change it (a shared table kept by the platform's admins). */
export class ForbiddenError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ForbiddenError';
	}
}
