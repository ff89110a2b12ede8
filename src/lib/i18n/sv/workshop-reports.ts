import type { workshopReportsFi } from '../fi/workshop-reports';

export const workshopReportsSv: Record<keyof typeof workshopReportsFi, string> = {
	'workshopReports.title': 'Verkstadsrapporter',
	'workshopReports.link': 'Rapporter',
	'workshopReports.intro':
		'Säsongens utvecklingsverkstäder per fokusområde och godkända resekostnader per kommun och per sakkunnig. Varje kommuns användning finns i tabellen över medlemmarnas verkstadsrätt.',
	'workshopReports.ledgers': 'Medlemmarnas verkstadsrätt',
	'workshopReports.byFocusArea': 'Verkstäder per fokusområde',
	'workshopReports.total': 'Totalt',
	'workshopReports.costs': 'Godkända resekostnader',
	'workshopReports.costsIntro':
		'Resor som koordinatorn har godkänt och som hörde till säsongens verkstäder. Avgränsa vid behov efter godkännandedag.',
	'workshopReports.approvedFrom': 'Godkänd från',
	'workshopReports.approvedTo': 'Godkänd till',
	'workshopReports.costTotal': '{count} resor, totalt {amount}',
	'workshopReports.costTotal.one': '{count} resa, totalt {amount}',
	'workshopReports.byMunicipality': 'Per kommun',
	'workshopReports.byExpert': 'Per sakkunnig',
	'workshopReports.noCosts': 'Inga godkända resekostnader.',
	'workshopReports.sharedJourneysHint':
		'En resa till flera kommuners verkstäder är fördelad mellan kommunerna; den räknas till varje kommuns resor men en gång på raden Totalt.',
	'workshopReports.journeys': 'Resor',
	'workshopReports.periodNote': 'Godkänd {from}–{to}',
	'municipalityCosts.title': 'Godkända resekostnader',
	'municipalityCosts.intro':
		'De sakkunnigas resor till kommunens verkstäder som koordinatorn har godkänt och som faktureras kommunen enligt faktiska kostnader. En resa till flera kommuners verkstäder är fördelad mellan kommunerna; kommunens andel är räknad av resans alla kostnader.',
	'municipalityCosts.total': '{count} resor, kommunens andel totalt {amount}',
	'municipalityCosts.total.one': '{count} resa, kommunens andel totalt {amount}',
	'municipalityCosts.approvedAt': 'Godkänd',
	'municipalityCosts.part': 'Kommunens andel',
	'municipalityCosts.sharedPart':
		'Delad resa: kommunens vikt {weight} / {totalWeight}, resan totalt {total}.',
	'municipalityCosts.linesOf': 'Kostnader för resan {from} – {to}',
	'municipalityCosts.sharedReceipts':
		'Kvittona för en delad resa gäller även andra kommuner och visas inte här; koordinatorn skickar dem på begäran.',
	'municipalityCosts.weight': 'Kommunens vikt',
	'municipalityCosts.totalWeight': 'Vikter totalt',
	'municipalityCosts.journeyTotal': 'Resan totalt'
};
