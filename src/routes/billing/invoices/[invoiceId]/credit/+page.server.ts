import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { notFound, requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { getInvoice } from '$lib/server/billing/invoice-queries';
import { loadCreditFacts, domainLineOf } from '$lib/server/billing/credit-facts';
import { createCreditNote } from '$lib/server/billing/create-credit-note';
import { readFormData, formValues } from '$lib/server/http/parse';
import { parseCreditForm } from '$lib/schemas/credit-note';
import type { FieldErrors } from '$lib/schemas/errors';
import { creditedLines } from '$lib/domain/billing/invoice-totals';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import type { Actions, PageServerLoad } from './$types';

async function invoiceOf(event: RequestEvent<{ invoiceId: string }>) {
	const user = requireCoordinator(event);
	const networkIds = coordinatedNetworks(user);
	const view = await getInvoice(db(), event.params.invoiceId, { networkIds });
	if (!view || view.invoice.document !== 'invoice') notFound(event);
	return { user, networkIds, view };
}

/** Crediting an invoice of the coordinator's networks, whole or in part (ADR 026). */
export const load: PageServerLoad = async (event) => {
	const { view } = await invoiceOf(event);
	const facts = await loadCreditFacts(db(), view.invoice.id);
	const left = creditedLines(
		facts.originalLines.map(domainLineOf),
		facts.notes.map((n) => n.domain)
	);
	return {
		invoice: {
			id: view.invoice.id,
			number: view.invoice.number,
			buyerName: (view.invoice.buyer as { name: string }).name,
			grossCents: view.invoice.grossCents,
			creditedCents: view.invoice.creditedCents
		},
		lines: view.lines.map((l, i) => ({
			description: l.description,
			quantityTenThousandths: l.quantityTenThousandths,
			unitPriceCents: l.unitPriceCents,
			netCents: l.netCents,
			quantityLeft: left[i]!.quantityLeft,
			netLeftCents: left[i]!.netLeftCents,
			byAmount: left[i]!.byAmount
		})),
		notes: facts.notes.map((n) => ({
			id: n.note.id,
			number: n.note.number,
			issueDate: n.note.issueDate,
			grossCents: n.note.grossCents
		}))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, networkIds, view } = await invoiceOf(event);
		const form = await readFormData(event.request);
		const values = formValues(form);
		const parsed = parseCreditForm(form, view.lines.length);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values });
		const result = await createCreditNote(db(), userActor(user), {
			invoiceId: view.invoice.id,
			networkIds,
			selection: parsed.selection,
			reason: parsed.reason,
			issueDate: helsinkiDate(new Date())
		});
		if (result.ok) redirect(303, `/billing/invoices/${result.id}`);
		const errors: FieldErrors = {};
		if (result.error === 'credit') {
			for (const p of result.problems) {
				const line = 'line' in p ? p.line : null;
				const chosen = parsed.selection.find((s) => s.line === line);
				const field = chosen
					? `${'amountCents' in chosen ? 'amount' : 'quantity'}-${chosen.line}`
					: '_form';
				errors[field] ??= { key: `credit.problem.${p.kind}` };
			}
		} else if (result.error === 'reason') {
			errors.reason = { key: 'credit.error.reason', params: { max: 500 } };
		} else {
			errors._form = { key: `credit.error.${result.error}` };
		}
		return fail(400, { errors, values });
	}
};
