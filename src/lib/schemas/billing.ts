import { z } from 'zod';
import { parseEuros } from '$lib/domain/money';
import { parseBic, parseFinnishIban } from '$lib/domain/billing/bank-account';
import {
	parseBusinessId,
	parseEInvoiceAddress,
	parseFinnishVatNumber,
	parseOperatorCode,
	vatNumberFromBusinessId
} from '$lib/domain/billing/business-id';
import type { Checked } from '$lib/domain/billing/result';
import { INVOICE_KINDS } from '$lib/domain/billing/invoice-plan';
import { choice, email, isoDate, text } from './fields';
import { UUID_PATTERN } from '$lib/domain/uuid';

/**
 * Billing details and invoice runs. Identifiers are checked by the domain's rules
 * (business-id.ts, bank-account.ts), each refusal with its own message key
 * (`error.billing.<field>.<problem>`), and kept in their normal form.
 */

function checked<T>(parse: (text: string) => Checked<T, string>, field: string) {
	return z
		.string({ error: 'error.required' })
		.trim()
		.max(100, 'error.tooLong')
		.transform((value, ctx) => {
			const result = parse(value);
			if (result.ok) return result.value;
			ctx.addIssue({
				code: 'custom',
				message:
					result.problem === 'empty' ? 'error.required' : `error.billing.${field}.${result.problem}`
			});
			return z.NEVER;
		});
}

/** As `checked`, but empty is null. */
function optionalChecked<T>(parse: (text: string) => Checked<T, string>, field: string) {
	return z
		.string()
		.trim()
		.max(100, 'error.tooLong')
		.prefault('')
		.transform((value, ctx) => {
			if (value === '') return null;
			const result = parse(value);
			if (result.ok) return result.value;
			ctx.addIssue({ code: 'custom', message: `error.billing.${field}.${result.problem}` });
			return z.NEVER;
		});
}

const postalCode = () =>
	z
		.string({ error: 'error.required' })
		.trim()
		.min(1, 'error.required')
		.regex(/^\d{5}$/, 'error.billing.postalCode');

const eInvoiceAddress = () => optionalChecked((v) => parseEInvoiceAddress(v), 'eInvoiceAddress');
const operatorCode = () => optionalChecked((v) => parseOperatorCode(v), 'eInvoiceOperator');

/** A yearly rate as typed ("8", "8,5", "11.75") to basis points; null when it is not one. */
export function parsePercent(value: string): number | null {
	const m = /^(\d{1,3})(?:[,.](\d{1,2}))?$/.exec(value.replace(/[\s%]/g, ''));
	if (!m) return null;
	const bp = Number(m[1]) * 100 + (m[2] ? Number(m[2].padEnd(2, '0')) : 0);
	return bp <= 10_000 ? bp : null;
}

export const PENALTY_BASES = ['interest_act_4', 'interest_act_4a', 'fixed'] as const;

export const networkBillingSchema = z
	.object({
		sellerName: text({ max: 200 }),
		businessId: checked(parseBusinessId, 'businessId'),
		vatNumber: optionalChecked(parseFinnishVatNumber, 'vatNumber'),
		streetAddress: text({ max: 200 }),
		postalCode: postalCode(),
		city: text({ max: 100 }),
		iban: checked(parseFinnishIban, 'iban'),
		bic: checked(parseBic, 'bic'),
		paymentTermsDays: z
			.string({ error: 'error.required' })
			.trim()
			.regex(/^\d{1,3}$/, 'error.billing.paymentTermsDays')
			.transform(Number)
			.pipe(z.number().max(365, 'error.billing.paymentTermsDays')),
		penaltyInterestBasis: choice(PENALTY_BASES),
		penaltyInterestRate: z.string().trim().max(20, 'error.tooLong').prefault(''),
		eInvoiceAddress: eInvoiceAddress(),
		eInvoiceOperator: operatorCode(),
		extraWorkshopFee: z
			.string()
			.trim()
			.max(30, 'error.tooLong')
			.prefault('')
			.transform((value, ctx) => {
				if (value === '') return null;
				const cents = parseEuros(value);
				if (cents === null) ctx.addIssue({ code: 'custom', message: 'error.invalidAmount' });
				return cents;
			})
	})
	.transform((v, ctx) => {
		let penaltyInterestBasisPoints: number | null = null;
		if (v.penaltyInterestBasis === 'fixed') {
			penaltyInterestBasisPoints = parsePercent(v.penaltyInterestRate);
			if (penaltyInterestBasisPoints === null) {
				ctx.addIssue({
					code: 'custom',
					path: ['penaltyInterestRate'],
					message: v.penaltyInterestRate === '' ? 'error.required' : 'error.billing.percent'
				});
			}
		}
		bothOrNeither(v.eInvoiceAddress, v.eInvoiceOperator, ctx);
		if (v.vatNumber !== null && v.vatNumber !== vatNumberFromBusinessId(v.businessId)) {
			ctx.addIssue({
				code: 'custom',
				path: ['vatNumber'],
				message: 'error.billing.vatNumber.not_business_id'
			});
		}
		return {
			sellerName: v.sellerName,
			businessId: v.businessId,
			vatNumber: v.vatNumber ?? vatNumberFromBusinessId(v.businessId),
			streetAddress: v.streetAddress,
			postalCode: v.postalCode,
			city: v.city,
			iban: v.iban,
			bic: v.bic,
			paymentTermsDays: v.paymentTermsDays,
			penaltyInterestBasis: v.penaltyInterestBasis,
			penaltyInterestBasisPoints,
			eInvoiceAddress: v.eInvoiceAddress?.value ?? null,
			eInvoiceOperator: v.eInvoiceOperator?.value ?? null,
			extraWorkshopFeeCents: v.extraWorkshopFee
		};
	});
export type NetworkBillingInput = z.output<typeof networkBillingSchema>;

function bothOrNeither(address: unknown, operator: unknown, ctx: z.RefinementCtx) {
	if (address !== null && operator === null) {
		ctx.addIssue({ code: 'custom', path: ['eInvoiceOperator'], message: 'error.required' });
	}
	if (address === null && operator !== null) {
		ctx.addIssue({ code: 'custom', path: ['eInvoiceAddress'], message: 'error.required' });
	}
}

export const DELIVERIES = ['e_invoice', 'email'] as const;
export const INVOICE_LANGUAGES = ['fi', 'sv'] as const;

export const memberBillingSchema = z
	.object({
		billingName: text({ max: 200 }),
		businessId: checked(parseBusinessId, 'businessId'),
		streetAddress: text({ max: 200 }),
		postalCode: postalCode(),
		city: text({ max: 100 }),
		eInvoiceAddress: eInvoiceAddress(),
		eInvoiceOperator: operatorCode(),
		buyerReference: text({ max: 70, optional: true }).prefault(''),
		delivery: choice(DELIVERIES),
		invoiceEmail: z
			.string()
			.trim()
			.prefault('')
			.pipe(z.union([z.literal(''), email()])),
		language: choice(INVOICE_LANGUAGES)
	})
	.transform((v, ctx) => {
		bothOrNeither(v.eInvoiceAddress, v.eInvoiceOperator, ctx);
		if (v.delivery === 'e_invoice' && v.eInvoiceAddress === null && v.eInvoiceOperator === null) {
			ctx.addIssue({ code: 'custom', path: ['eInvoiceAddress'], message: 'error.required' });
		}
		if (v.delivery === 'email' && v.invoiceEmail === '') {
			ctx.addIssue({ code: 'custom', path: ['invoiceEmail'], message: 'error.required' });
		}
		return {
			billingName: v.billingName,
			businessId: v.businessId,
			streetAddress: v.streetAddress,
			postalCode: v.postalCode,
			city: v.city,
			eInvoiceAddress: v.eInvoiceAddress?.value ?? null,
			eInvoiceOperator: v.eInvoiceOperator?.value ?? null,
			buyerReference: v.buyerReference,
			delivery: v.delivery,
			invoiceEmail: v.invoiceEmail === '' ? null : v.invoiceEmail,
			language: v.language
		};
	});
export type MemberBillingInput = z.output<typeof memberBillingSchema>;

/** The invoice run's form: season, year, invoice date and the kinds to bill (checkboxes). */
export const invoiceRunSchema = z.object({
	seasonId: z.string().regex(UUID_PATTERN, 'error.invalidChoice'),
	year: z
		.string({ error: 'error.required' })
		.trim()
		.regex(/^\d{4}$/, 'error.billing.year')
		.transform(Number)
		.pipe(z.number().min(2000, 'error.billing.year').max(9999, 'error.billing.year')),
	invoiceDate: isoDate(),
	kinds: z.array(choice(INVOICE_KINDS)).min(1, 'error.billing.kinds')
});
export type InvoiceRunInput = z.output<typeof invoiceRunSchema>;
