import { describe, expect, it } from 'vitest';
import { collectErrors } from '$lib/server/http/parse';
import { memberBillingSchema, networkBillingSchema, parsePercent } from './billing';

const member = {
	billingName: 'Vaalan kunta',
	businessId: '0112038-9',
	streetAddress: 'Kunnantie 1',
	postalCode: '91700',
	city: 'Vaala',
	eInvoiceAddress: '0037 0112 0389',
	eInvoiceOperator: '003723327487',
	buyerReference: 'HALLINTO',
	delivery: 'e_invoice',
	invoiceEmail: '',
	language: 'fi'
};

const network = {
	sellerName: 'Suomen Kuntaliitto ry',
	businessId: '0112038-9',
	vatNumber: '',
	streetAddress: 'Toinen linja 14',
	postalCode: '00530',
	city: 'Helsinki',
	iban: 'FI21 1234 5600 0007 85',
	bic: 'NDEAFIHH',
	paymentTermsDays: '14',
	penaltyInterestBasis: 'interest_act_4',
	penaltyInterestRate: '',
	eInvoiceAddress: '',
	eInvoiceOperator: '',
	extraWorkshopFee: '1 500'
};

const errorsOf = (result: { success: boolean; error?: unknown }) =>
	result.success ? {} : collectErrors(result.error as never);

describe('billing details as typed', () => {
	it('keeps a municipality’s details in their normal forms', () => {
		const parsed = memberBillingSchema.safeParse(member);
		expect(parsed.success && parsed.data).toMatchObject({
			businessId: '0112038-9',
			eInvoiceAddress: '003701120389',
			invoiceEmail: null
		});
	});

	it('answers a wrong check digit, a half e-invoice address and a missing e-mail by their fields', () => {
		expect(errorsOf(memberBillingSchema.safeParse({ ...member, businessId: '0112038-8' }))).toEqual(
			{
				businessId: { key: 'error.billing.businessId.check_digit' }
			}
		);
		expect(errorsOf(memberBillingSchema.safeParse({ ...member, eInvoiceOperator: '' }))).toEqual({
			eInvoiceOperator: { key: 'error.required' }
		});
		expect(
			errorsOf(memberBillingSchema.safeParse({ ...member, eInvoiceAddress: '003701120388' }))
		).toEqual({ eInvoiceAddress: { key: 'error.billing.eInvoiceAddress.ovt' } });
		expect(errorsOf(memberBillingSchema.safeParse({ ...member, delivery: 'email' }))).toEqual({
			invoiceEmail: { key: 'error.required' }
		});
	});

	it('makes the network’s VAT number from its business ID and refuses one of another', () => {
		const parsed = networkBillingSchema.safeParse(network);
		expect(parsed.success && parsed.data).toMatchObject({
			vatNumber: 'FI01120389',
			iban: 'FI2112345600000785',
			extraWorkshopFeeCents: 150_000,
			penaltyInterestBasisPoints: null
		});
		expect(
			errorsOf(networkBillingSchema.safeParse({ ...network, vatNumber: 'FI02092130' }))
		).toMatchObject({ vatNumber: { key: expect.stringMatching(/^error\.billing\.vatNumber\./) } });
		expect(
			errorsOf(networkBillingSchema.safeParse({ ...network, iban: 'FI21 1234 5600 0007 86' }))
		).toEqual({
			iban: { key: 'error.billing.iban.check_digits' }
		});
	});

	it('asks for the rate of a fixed penalty interest', () => {
		expect(
			errorsOf(networkBillingSchema.safeParse({ ...network, penaltyInterestBasis: 'fixed' }))
		).toEqual({ penaltyInterestRate: { key: 'error.required' } });
		const fixed = networkBillingSchema.safeParse({
			...network,
			penaltyInterestBasis: 'fixed',
			penaltyInterestRate: '11,5'
		});
		expect(fixed.success && fixed.data.penaltyInterestBasisPoints).toBe(1150);
		expect(parsePercent('8')).toBe(800);
		expect(parsePercent('101')).toBeNull();
	});
});
