import type { participationFi } from '../fi/participation';

export const participationSv: Record<keyof typeof participationFi, string> = {
	'participation.participants': 'Deltagare',
	'participation.participantsIntro':
		'Evenemangets anmälningar efter status: först de som fått plats, sedan de som köar i köordning och sist de inhiberade.',
	'participation.ownMunicipalities': 'Du ser din egen kommuns anmälningar.',
	'participation.byState': '{confirmed} med plats, {waiting} i kö, {cancelled} inhiberade',
	'participation.none': 'Det finns inga anmälningar som motsvarar urvalet.',
	'participation.filters': 'Avgränsa deltagarna',
	'participation.state': 'Status',
	'participation.waitingPosition': 'Plats i kön',
	'participation.signedUpAt': 'Anmäld',
	'participation.arrangements': 'Särskilda arrangemang',
	'participation.erased': 'Raderad person',
	'participation.code': 'Kommunnummer',
	'participation.season': 'Kommunernas deltagande',
	'participation.seasonIntro':
		'Medlemskommunernas personers anmälningar och deltagande i säsongens evenemang. Deltagandet räknas från närvaromarkeringarna.',
	'participation.people': 'Personer med',
	'participation.confirmed': 'Platser bokade',
	'participation.waiting': 'I kö',
	'participation.attended': 'Deltaganden',
	'participation.eventsAttended': 'Evenemang med deltagare',
	'participation.heldEvents': 'Under säsongen har {count} evenemang hållits.',
	'participation.heldEvents.one': 'Under säsongen har {count} evenemang hållits.',
	'participation.members': '{count} medlemskommuner',
	'participation.members.one': '{count} medlemskommun',
	'participation.municipality': 'Deltagande i evenemang',
	'participation.municipalityIntro':
		'Kommunens personers anmälningar till säsongens evenemang och deras deltagande.',
	'participation.municipalitySummary':
		'{people} personer med, {attended} deltaganden i {events} evenemang; under säsongen har {held} evenemang hållits.',
	'participation.chooseSeason': 'Säsong',
	'participation.show': 'Visa',
	'participation.noSeasons': 'Kommunen deltar inte i någon säsong.',
	'participation.noSignUps': 'Ingen av kommunens personer har anmält sig till säsongens evenemang.',
	'participation.signUps': '{count} anmälningar',
	'participation.signUps.one': '{count} anmälan',
	'participation.feedback': 'Respons på säsongens evenemang',
	'participation.feedbackIntro':
		'Responsen på alla säsongens evenemang sammanlagt och per evenemang. Svaren är anonyma.',
	'participation.feedbackTotals': '{answers} svar av {attended} deltaganden, {events} evenemang',
	'participation.feedbackSeason': 'Hela säsongen',
	'participation.feedbackByEvent': 'Per evenemang',
	'participation.average': 'Medeltal',
	'participation.answers': 'Svar',
	'participation.noAnswers': 'Inga svar',
	'participation.distribution': 'Fördelning 1–5',
	'participation.distributionOf': '1: {s1}, 2: {s2}, 3: {s3}, 4: {s4}, 5: {s5}'
};
