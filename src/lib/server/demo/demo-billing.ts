import type { InvoiceKind } from '$lib/domain/billing/invoice-plan';

/**
 * The demo's billing (issue 10, "Demo data"): the network's billing details, every USO 7
 * member's, and the invoice runs that billed USO 7. Written as the forms take them, so that
 * seed-billing.ts checks them with the forms' own schemas.
 *
 * Everything here is made up but well-formed. The business IDs lie in the 9 million range, far
 * above any given so far, with their check digits computed; the e-invoice addresses are OVT
 * codes made from them (0037 + business ID); the network's IBAN is a made-up account of a
 * made-up branch with correct check digits (domestic and IBAN) and the BIC of the bank its
 * first digit names. The intermediator IDs are the public routing codes of Finnish e-invoice
 * operators and of a bank acting as one, which is how real details look.
 */

/** The network's details, as the coordinator's form takes them. */
export const DEMO_NETWORK_BILLING = {
	sellerName: 'Suomen Kuntaliitto ry',
	businessId: '9100000-5',
	vatNumber: 'FI91000005',
	streetAddress: 'Toinen linja 14',
	postalCode: '00530',
	city: 'Helsinki',
	// made up: not Kuntaliitto's account, nor anyone's
	iban: 'FI66 5790 0012 3456 77',
	bic: 'OKOYFIHH',
	paymentTermsDays: '21',
	penaltyInterestBasis: 'interest_act_4',
	penaltyInterestRate: '',
	eInvoiceAddress: '003791000005',
	eInvoiceOperator: '003721291126',
	// a demo amount: the seed names no price for an extra workshop
	extraWorkshopFee: '1 200,00'
} as const;

/** Intermediator IDs (välittäjätunnus) of operators that municipalities use. */
const APIX = '003723327487';
const MAVENTA = '003721291126';
const CGI = '003703575029';
const OP_AS_OPERATOR = 'OKOYFIHH';

export interface DemoMemberBilling {
	billingName: string;
	businessId: string;
	streetAddress: string;
	postalCode: string;
	city: string;
	eInvoiceAddress?: string;
	eInvoiceOperator?: string;
	buyerReference: string;
	delivery: 'e_invoice' | 'email';
	invoiceEmail?: string;
	language: 'fi' | 'sv';
}

/** An e-invoice address made from a business ID: its OVT code. */
const ovt = (businessId: string) => `0037${businessId.replace('-', '')}`;

function eInvoiced(
	details: Omit<DemoMemberBilling, 'delivery' | 'eInvoiceAddress' | 'eInvoiceOperator'>,
	operator: string
): DemoMemberBilling {
	return {
		...details,
		eInvoiceAddress: ovt(details.businessId),
		eInvoiceOperator: operator,
		delivery: 'e_invoice'
	};
}

/**
 * Every USO 7 member's details, by municipality code. Most take e-invoices through an
 * operator; two small ones asked for the PDF by e-mail; Pedersöre and Raasepori, whose
 * majority speaks Swedish, get their invoices in Swedish.
 */
export const DEMO_MEMBER_BILLING: Readonly<Record<string, DemoMemberBilling>> = {
	'785': eInvoiced(
		{
			billingName: 'Vaalan kunta',
			businessId: '9078500-7',
			streetAddress: 'Kunnantie 1',
			postalCode: '91700',
			city: 'Vaala',
			buyerReference: 'VAALA-HALLINTO',
			language: 'fi'
		},
		APIX
	),
	'205': eInvoiced(
		{
			billingName: 'Kajaanin kaupunki',
			businessId: '9020500-9',
			streetAddress: 'Pohjolankatu 13',
			postalCode: '87100',
			city: 'Kajaani',
			buyerReference: '1100 Konsernihallinto',
			language: 'fi'
		},
		MAVENTA
	),
	'777': {
		billingName: 'Suomussalmen kunta',
		businessId: '9077700-7',
		streetAddress: 'Keskuskatu 27',
		postalCode: '89600',
		city: 'Suomussalmi',
		buyerReference: 'Hallintopalvelut / USO',
		delivery: 'email',
		invoiceEmail: 'laskut.suomussalmi@example.fi',
		language: 'fi'
	},
	'615': eInvoiced(
		{
			billingName: 'Pudasjärven kaupunki',
			businessId: '9061500-8',
			streetAddress: 'Varsitie 7',
			postalCode: '93100',
			city: 'Pudasjärvi',
			buyerReference: 'ELINVOIMA-2023',
			language: 'fi'
		},
		APIX
	),
	'140': eInvoiced(
		{
			billingName: 'Iisalmen kaupunki',
			businessId: '9014000-6',
			streetAddress: 'Kauppakatu 22',
			postalCode: '74100',
			city: 'Iisalmi',
			buyerReference: '4100 Strategia',
			language: 'fi'
		},
		CGI
	),
	'244': eInvoiced(
		{
			billingName: 'Kempeleen kunta',
			businessId: '9024400-8',
			streetAddress: 'Kirkkotie 13',
			postalCode: '90440',
			city: 'Kempele',
			buyerReference: 'KEHITYS/LL',
			language: 'fi'
		},
		MAVENTA
	),
	'743': eInvoiced(
		{
			billingName: 'Seinäjoen kaupunki',
			businessId: '9074301-8',
			streetAddress: 'Kirkkokatu 6',
			postalCode: '60100',
			city: 'Seinäjoki',
			buyerReference: '2010 Kehittämispalvelut',
			language: 'fi'
		},
		OP_AS_OPERATOR
	),
	'434': eInvoiced(
		{
			billingName: 'Loviisan kaupunki',
			businessId: '9043400-4',
			streetAddress: 'Mannerheiminkatu 4',
			postalCode: '07900',
			city: 'Loviisa',
			buyerReference: 'KEH-USO7',
			language: 'fi'
		},
		CGI
	),
	'599': eInvoiced(
		{
			billingName: 'Pedersöre kommun',
			businessId: '9059900-1',
			streetAddress: 'Sursikvägen 14',
			postalCode: '68910',
			city: 'Bennäs',
			buyerReference: 'Förvaltning 100',
			language: 'sv'
		},
		APIX
	),
	'507': eInvoiced(
		{
			billingName: 'Mäntyharjun kunta',
			businessId: '9050700-7',
			streetAddress: 'Mäntyharjuntie 18',
			postalCode: '52700',
			city: 'Mäntyharju',
			buyerReference: 'HALLINTO 1010',
			language: 'fi'
		},
		MAVENTA
	),
	'588': {
		billingName: 'Pertunmaan kunta',
		businessId: '9058800-3',
		streetAddress: 'Kisatie 1',
		postalCode: '19430',
		city: 'Pertunmaa',
		buyerReference: 'Kunnanvirasto',
		delivery: 'email',
		invoiceEmail: 'kirjaamo.pertunmaa@example.fi',
		language: 'fi'
	},
	'235': eInvoiced(
		{
			billingName: 'Kauniaisten kaupunki',
			businessId: '9023500-5',
			streetAddress: 'Kauniaistentie 10',
			postalCode: '02700',
			city: 'Kauniainen',
			buyerReference: 'Kehittäminen',
			language: 'fi'
		},
		CGI
	),
	'398': eInvoiced(
		{
			billingName: 'Lahden kaupunki',
			businessId: '9039800-7',
			streetAddress: 'Harjukatu 31',
			postalCode: '15100',
			city: 'Lahti',
			buyerReference: 'STRATEGIA-398',
			language: 'fi'
		},
		APIX
	),
	'710': eInvoiced(
		{
			billingName: 'Raseborgs stad',
			businessId: '9071000-5',
			streetAddress: 'Raseborgsvägen 37',
			postalCode: '10600',
			city: 'Ekenäs',
			buyerReference: 'Utveckling 3100',
			language: 'sv'
		},
		MAVENTA
	)
};

export interface DemoInvoiceRun {
	year: number;
	invoiceDate: string;
	kinds: InvoiceKind[];
}

/**
 * USO 7's invoice runs, in order. The 2023 fees carry 24 % VAT; the 2024 fees were invoiced in
 * September 2024, after the general rate rose to 25,5 % on 1.9.2024. The travel costs and the
 * extra workshop come last, in November 2024: by then every approved USO 7 journey (Seinäjoki
 * in 2023, Vaala and Kajaani in January 2024, Vaala's extra in October 2024) was approved, so
 * a run on that day bills exactly what it would have billed then.
 */
export const DEMO_INVOICE_RUNS: readonly DemoInvoiceRun[] = [
	{ year: 2023, invoiceDate: '2023-03-15', kinds: ['fee'] },
	{ year: 2024, invoiceDate: '2024-09-16', kinds: ['fee'] },
	{ year: 2024, invoiceDate: '2024-11-15', kinds: ['travel', 'extra'] }
];

/**
 * What became of USO 7's invoices (seed-payments.ts): three bank files paid them by reference
 * a few days before each due date; Kempele paid its 2024 fee without the VAT and Suomussalmi
 * not at all (both reminded); Seinäjoki's travel invoice was credited in whole before its due
 * date. Bank archive IDs are made up.
 */
export const DEMO_PAYMENTS = {
	files: [
		{
			messageId: 'DEMO-CAMT-2023-04',
			bookedOn: '2023-04-03',
			pays: (i: { year: number; kind: string }) => i.year === 2023 && i.kind === 'fee'
		},
		{
			messageId: 'DEMO-CAMT-2024-10',
			bookedOn: '2024-10-04',
			pays: (i: { year: number; kind: string }) => i.year === 2024 && i.kind === 'fee'
		},
		{
			messageId: 'DEMO-CAMT-2024-12',
			bookedOn: '2024-12-04',
			pays: (i: { year: number; kind: string }) => i.year === 2024 && i.kind !== 'fee'
		}
	],
	partly: '244',
	unpaid: '777',
	credited: {
		code: '743',
		on: '2024-11-22',
		reason:
			'Asiantuntijan matka tehtiin Seinäjoen oman hankkeen kustannuksella; lasku hyvitetään kokonaan.'
	}
} as const;
