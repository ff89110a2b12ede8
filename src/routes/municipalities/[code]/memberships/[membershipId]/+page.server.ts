import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { hasRole } from '$lib/server/auth/session';
import { municipalityAccess, requireMunicipality } from '$lib/server/auth/guard';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { formValues, parseForm, readFormData, readPdfUpload } from '$lib/server/http/parse';
import {
	changeMembershipState,
	recordDecision,
	setMembershipDetails
} from '$lib/server/memberships/membership-commands';
import { getMembership, listContactCandidates } from '$lib/server/memberships/membership-queries';
import {
	decisionFormSchema,
	membershipDetailsSchema,
	stateChangeSchema
} from '$lib/schemas/membership';
import { allowedTransitions } from '$lib/domain/membership';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ code: string; membershipId: string }>;

async function loadMembership(event: Event, need: 'read' | 'manage') {
	const user = requireMunicipality(event, event.params.code, need);
	const membership = await getMembership(db(), event.params.code, event.params.membershipId);
	if (!membership) error(404, 'not found');
	return { user, membership };
}

export const load: PageServerLoad = async (event) => {
	const { user, membership } = await loadMembership(event, 'read');
	const canManage = municipalityAccess(user, event.params.code) === 'manage';
	const isCoordinator = hasRole(user, 'coordinator');
	return {
		membership,
		canManage,
		transitions: isCoordinator ? allowedTransitions(membership.membership.state) : [],
		candidates: canManage ? await listContactCandidates(db(), event.params.code) : []
	};
};

export const actions: Actions = {
	decision: async (event) => {
		const { user, membership } = await loadMembership(event, 'manage');
		const form = await readFormData(event.request);
		const parsed = await parseForm(form, decisionFormSchema);
		const upload = await readPdfUpload(form, 'minutes');
		if (!parsed.ok || !upload.ok) {
			return fail(400, {
				decision: {
					errors: {
						...(parsed.ok ? {} : parsed.errors),
						...(upload.ok ? {} : { minutes: upload.error })
					},
					values: formValues(form)
				}
			});
		}
		const result = await recordDecision(db(), userActor(user), membership.membership.id, {
			...parsed.data,
			minutes: upload.file
		});
		if (!result.ok) {
			return fail(400, {
				decision: {
					errors: { _form: { key: `error.${result.error}` as const } },
					values: formValues(form)
				}
			});
		}
		return { decisionSaved: true };
	},

	details: async (event) => {
		const { user, membership } = await loadMembership(event, 'manage');
		const form = await readFormData(event.request);
		const parsed = membershipDetailsSchema.safeParse({
			contactPersonId: String(form.get('contactPersonId') ?? ''),
			onSiteGroups: form.getAll('onSiteGroups').map(String)
		});
		if (!parsed.success) {
			return fail(400, {
				details: { errors: { onSiteGroups: { key: 'error.invalidChoice' as const } } }
			});
		}
		const result = await setMembershipDetails(
			db(),
			userActor(user),
			membership.membership.id,
			parsed.data
		);
		if (!result.ok) {
			return fail(400, {
				details: { errors: { contactPersonId: { key: `error.${result.error}` as const } } }
			});
		}
		return { detailsSaved: true };
	},

	state: async (event) => {
		const { user, membership } = await loadMembership(event, 'manage');
		if (!hasRole(user, 'coordinator')) error(403, 'forbidden');
		const parsed = await parseForm(event.request, stateChangeSchema);
		if (!parsed.ok) return fail(400, { state: { errors: parsed.errors } });
		const result = await changeMembershipState(db(), userActor(user), {
			membershipId: membership.membership.id,
			to: parsed.data.to
		});
		if (!result.ok)
			return fail(400, { state: { errors: { to: { key: `error.${result.error}` as const } } } });
		return { stateChanged: true };
	}
};
