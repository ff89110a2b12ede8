import type { billingReportsFi } from '../fi/billing-reports';

/** Billing: reports (issue 10, ADR 026). */
export const billingReportsSv: Record<keyof typeof billingReportsFi, string> = {
	'reports.title': 'Faktureringsrapporter',
	'reports.link': 'Rapporter: fakturerat, betalt och öppna fordringar',
	'reports.bySeason': 'Fakturerat och betalt per säsong',
	'reports.bySeasonIntro':
		'Fakturor, krediteringar och betalningar inklusive moms per säsong och faktureringsår. Fakturerat är fakturorna efter krediteringar.',
	'reports.season': 'Säsong {number}',
	'reports.none': 'Inga fakturor ännu.',
	'reports.receivables': 'Öppna fordringar efter ålder',
	'reports.receivablesIntro':
		'Obetalda fakturor per medlemskommun efter hur många dagar som gått från förfallodagen {date}.',
	'reports.noReceivables': 'Inga öppna fordringar.',
	'reports.column.invoices': 'Fakturor',
	'reports.column.invoiced': 'Fakturerat brutto',
	'reports.column.creditNotes': 'Kreditnotor',
	'reports.column.credited': 'Krediterat',
	'reports.column.billed': 'Fakturerat',
	'reports.column.paid': 'Betalt',
	'reports.column.open': 'Öppet',
	'reports.column.total': 'Totalt',
	'reports.age.not_due': 'Inte förfallet',
	'reports.age.d1_30': '1–30 dagar',
	'reports.age.d31_60': '31–60 dagar',
	'reports.age.d61_90': '61–90 dagar',
	'reports.age.over_90': 'Över 90 dagar'
};
