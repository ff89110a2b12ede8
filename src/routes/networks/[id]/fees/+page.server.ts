import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { networks } from '$lib/server/db/schema';
import { collectErrors, readFormData } from '$lib/server/http/parse';
import { addFeeSchedule, listFeeTiers, type NewTier } from '$lib/server/seasons/fee-schedules';
import { feeScheduleHeaderSchema, MAX_TIER_ROWS, parseTierRow } from '$lib/schemas/fees';
import type { FieldErrors } from '$lib/schemas/errors';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';

async function ownNetwork(event: RequestEvent<{ id: string }>) {
	const user = requireCoordinator(event);
	if (!coordinatedNetworks(user).includes(event.params.id)) error(404, 'not found');
	const [network] = await db()
		.select()
		.from(networks)
		.where(eq(networks.id, event.params.id))
		.limit(1);
	if (!network) error(404, 'not found');
	return { user, network };
}

export const load: PageServerLoad = async (event) => {
	const { network } = await ownNetwork(event);
	return {
		network: { id: network.id, shortName: network.shortName },
		tiers: await listFeeTiers(db(), network.id),
		added: event.url.searchParams.has('added')
	};
};

export const actions: Actions = {
	add: async (event) => {
		const { user, network } = await ownNetwork(event);
		const form = await readFormData(event.request);
		const values = Object.fromEntries(
			[...form].filter((e): e is [string, string] => typeof e[1] === 'string')
		);
		const errors: FieldErrors = {};
		const header = feeScheduleHeaderSchema.safeParse({
			validFrom: values.validFrom ?? '',
			vatTreatment: values.vatTreatment ?? ''
		});
		if (!header.success) Object.assign(errors, collectErrors(header.error));
		const tiers: NewTier[] = [];
		for (let i = 1; i <= MAX_TIER_ROWS; i++) {
			const row = parseTierRow(form, i);
			if (row.empty) continue;
			if (row.result.success) tiers.push(row.result.data);
			else
				for (const [k, v] of Object.entries(collectErrors(row.result.error)))
					errors[`t${i}${k}`] = v;
		}
		if (tiers.length === 0 && Object.keys(errors).length === 0)
			errors.t1nameFi = { key: 'error.required' };
		if (!header.success || Object.keys(errors).length) return fail(400, { errors, values });
		const result = await addFeeSchedule(db(), userActor(user), {
			networkId: network.id,
			validFrom: header.data.validFrom,
			vatTreatment: header.data.vatTreatment,
			tiers
		});
		if (!result.ok) {
			const key =
				result.error === 'schedule_exists' ? 'error.scheduleExists' : 'error.scheduleInvalid';
			return fail(400, { errors: { _form: { key } } as FieldErrors, values });
		}
		return { added: true };
	}
};
