import type { participationFi } from '../fi/participation';

export const participationEn: Record<keyof typeof participationFi, string> = {
	'participation.participants': 'Participants',
	'participation.participantsIntro':
		'The event’s sign-ups by state: first those with a seat, then those waiting in the order they came, and last those cancelled.',
	'participation.ownMunicipalities': 'You see your own municipality’s sign-ups.',
	'participation.byState': '{confirmed} with a seat, {waiting} waiting, {cancelled} cancelled',
	'participation.none': 'No sign-ups match these choices.',
	'participation.filters': 'Filter participants',
	'participation.state': 'State',
	'participation.waitingPosition': 'Place in the queue',
	'participation.signedUpAt': 'Signed up',
	'participation.arrangements': 'Special arrangements',
	'participation.erased': 'Erased person',
	'participation.code': 'Municipality number',
	'participation.season': 'Members’ participation',
	'participation.seasonIntro':
		'The sign-ups of the member municipalities’ people for the season’s events, and their attendance. Attendance is counted from the attendance marks.',
	'participation.people': 'People taking part',
	'participation.confirmed': 'Seats taken',
	'participation.waiting': 'Waiting',
	'participation.attended': 'Attendances',
	'participation.eventsAttended': 'Events attended',
	'participation.heldEvents': '{count} events of the season have been held.',
	'participation.heldEvents.one': '{count} event of the season has been held.',
	'participation.members': '{count} members',
	'participation.members.one': '{count} member',
	'participation.municipality': 'Taking part in events',
	'participation.municipalityIntro':
		'The sign-ups of the municipality’s people for the season’s events, and their attendance.',
	'participation.municipalitySummary':
		'{people} people taking part, {attended} attendances at {events} events; {held} events of the season have been held.',
	'participation.chooseSeason': 'Season',
	'participation.show': 'Show',
	'participation.noSeasons': 'The municipality takes part in no season.',
	'participation.noSignUps':
		'None of the municipality’s people has signed up for the season’s events.',
	'participation.signUps': '{count} sign-ups',
	'participation.signUps.one': '{count} sign-up',
	'participation.feedback': 'Feedback on the season’s events',
	'participation.feedbackIntro':
		'Feedback on all of the season’s events together and event by event. Answers are anonymous.',
	'participation.feedbackTotals': '{answers} answers from {attended} attendances, {events} events',
	'participation.feedbackSeason': 'The whole season',
	'participation.feedbackByEvent': 'Event by event',
	'participation.average': 'Average',
	'participation.answers': 'Answers',
	'participation.noAnswers': 'No answers',
	'participation.distribution': 'Distribution 1–5',
	'participation.distributionOf': '1: {s1}, 2: {s2}, 3: {s3}, 4: {s4}, 5: {s5}'
};
