import type { workshopReportsFi } from '../fi/workshop-reports';

export const workshopReportsEn: Record<keyof typeof workshopReportsFi, string> = {
	'workshopReports.title': 'Workshop reports',
	'workshopReports.link': 'Reports',
	'workshopReports.intro':
		'The season’s development workshops by focus area, and approved travel costs by municipality and by expert. Each member’s use is in the table of members’ workshop entitlements.',
	'workshopReports.ledgers': 'Members’ workshop entitlements',
	'workshopReports.byFocusArea': 'Workshops by focus area',
	'workshopReports.total': 'Total',
	'workshopReports.costs': 'Approved travel costs',
	'workshopReports.costsIntro':
		'Journeys the coordinator approved that served the season’s workshops. Narrow them by the day of approval if needed.',
	'workshopReports.approvedFrom': 'Approved from',
	'workshopReports.approvedTo': 'Approved until',
	'workshopReports.costTotal': '{count} journeys, {amount} in total',
	'workshopReports.costTotal.one': '{count} journey, {amount} in total',
	'workshopReports.byMunicipality': 'By municipality',
	'workshopReports.byExpert': 'By expert',
	'workshopReports.noCosts': 'No approved travel costs.',
	'workshopReports.sharedJourneysHint':
		'A journey that served several municipalities’ workshops is split between them; it counts among each municipality’s journeys, but once on the Total row.',
	'workshopReports.journeys': 'Journeys',
	'workshopReports.periodNote': 'Approved {from}–{to}',
	'municipalityCosts.title': 'Approved travel costs',
	'municipalityCosts.intro':
		'The experts’ journeys to the municipality’s workshops that the coordinator approved, invoiced to the municipality at actual cost. A journey that served several municipalities’ workshops is split between them; the municipality’s part is taken from all of the journey’s costs.',
	'municipalityCosts.total': '{count} journeys, the municipality’s part {amount} in total',
	'municipalityCosts.total.one': '{count} journey, the municipality’s part {amount} in total',
	'municipalityCosts.approvedAt': 'Approved',
	'municipalityCosts.part': 'The municipality’s part',
	'municipalityCosts.sharedPart':
		'A shared journey: the municipality’s weight {weight} of {totalWeight}, the journey {total} in total.',
	'municipalityCosts.linesOf': 'Costs of the journey {from} – {to}',
	'municipalityCosts.sharedReceipts':
		'A shared journey’s receipts concern other municipalities too and are not shown here; the coordinator sends them on request.',
	'municipalityCosts.weight': 'The municipality’s weight',
	'municipalityCosts.totalWeight': 'Weights in total',
	'municipalityCosts.journeyTotal': 'Journey in total'
};
