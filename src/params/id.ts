import type { ParamMatcher } from '@sveltejs/kit';

/** A positive integer id of at most 15 digits: anything else is not a route at all (404). */
export const match: ParamMatcher = (param) => /^[1-9]\d{0,14}$/.test(param);
