import type { memberBillingDetails, networkBillingDetails } from '../db/schema';

/**
 * The seller and buyer as an invoice was issued: copied onto the invoice row (`invoices.seller`,
 * `invoices.buyer`) in the transaction that issues it, so a later change of anyone's billing
 * details never changes an invoice already sent (ADR 022).
 */
export interface InvoiceSeller {
	name: string;
	businessId: string;
	vatNumber: string;
	streetAddress: string;
	postalCode: string;
	city: string;
	countryCode: 'FI';
	iban: string;
	bic: string;
	paymentTermsDays: number;
	penaltyInterest: {
		basis: 'interest_act_4' | 'interest_act_4a' | 'fixed';
		basisPoints: number | null;
	};
	eInvoiceAddress: string | null;
	eInvoiceOperator: string | null;
}

export interface InvoiceBuyer {
	municipalityCode: string;
	name: string;
	businessId: string;
	streetAddress: string;
	postalCode: string;
	city: string;
	countryCode: 'FI';
	eInvoiceAddress: string | null;
	eInvoiceOperator: string | null;
	email: string | null;
}

export function sellerOf(row: typeof networkBillingDetails.$inferSelect): InvoiceSeller {
	return {
		name: row.sellerName,
		businessId: row.businessId,
		vatNumber: row.vatNumber,
		streetAddress: row.streetAddress,
		postalCode: row.postalCode,
		city: row.city,
		countryCode: 'FI',
		iban: row.iban,
		bic: row.bic,
		paymentTermsDays: row.paymentTermsDays,
		penaltyInterest: {
			basis: row.penaltyInterestBasis,
			basisPoints: row.penaltyInterestBasisPoints
		},
		eInvoiceAddress: row.eInvoiceAddress,
		eInvoiceOperator: row.eInvoiceOperator
	};
}

export function buyerOf(row: typeof memberBillingDetails.$inferSelect): InvoiceBuyer {
	return {
		municipalityCode: row.municipalityCode,
		name: row.billingName,
		businessId: row.businessId,
		streetAddress: row.streetAddress,
		postalCode: row.postalCode,
		city: row.city,
		countryCode: 'FI',
		eInvoiceAddress: row.eInvoiceAddress,
		eInvoiceOperator: row.eInvoiceOperator,
		email: row.invoiceEmail
	};
}
