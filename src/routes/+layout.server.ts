import { hasRole } from '$lib/server/auth/session';
import type { LayoutServerLoad } from './$types';

// Public: every page shows the header, language choice and sign-in state.
export const load: LayoutServerLoad = ({ locals }) => {
	const user = locals.user;
	return {
		locale: locals.locale,
		user: user
			? {
					name: user.name,
					email: user.email,
					roles: [...new Set(user.roles.map((r) => r.role))],
					isCoordinator: hasRole(user, 'coordinator'),
					municipalityCode: user.roles.find((r) => r.municipalityCode)?.municipalityCode ?? null
				}
			: null
	};
};
