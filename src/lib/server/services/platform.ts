/** The shared reference data (categories, default rules, benefits) is kept by the platform's admins only. */
import { ForbiddenError } from './errors';

export function requirePlatformAdmin(actor: { platformAdmin?: boolean }): void {
	if (!actor.platformAdmin)
		throw new ForbiddenError(
			'Ces données sont communes à toutes les associations : seuls les administrateurs de la plateforme les modifient.'
		);
}
