import type { billingReportsFi } from '../fi/billing-reports';

/** Billing: reports (issue 10, ADR 026). */
export const billingReportsEn: Record<keyof typeof billingReportsFi, string> = {
	'reports.title': 'Billing reports',
	'reports.link': 'Reports: billed, paid and open receivables',
	'reports.bySeason': 'Billed and paid by season',
	'reports.bySeasonIntro':
		'Each season’s and billing year’s invoices, credit notes and payments, VAT included. Billed is the invoices less the credits.',
	'reports.season': 'Season {number}',
	'reports.none': 'No invoices yet.',
	'reports.receivables': 'Open receivables by age',
	'reports.receivablesIntro':
		'Unpaid invoices per member municipality by how many days past their due date they are on {date}.',
	'reports.noReceivables': 'No open receivables.',
	'reports.column.invoices': 'Invoices',
	'reports.column.invoiced': 'Invoiced',
	'reports.column.creditNotes': 'Credit notes',
	'reports.column.credited': 'Credited',
	'reports.column.billed': 'Billed',
	'reports.column.paid': 'Paid',
	'reports.column.open': 'Open',
	'reports.column.total': 'Total',
	'reports.age.not_due': 'Not due',
	'reports.age.d1_30': '1–30 days',
	'reports.age.d31_60': '31–60 days',
	'reports.age.d61_90': '61–90 days',
	'reports.age.over_90': 'Over 90 days'
};
