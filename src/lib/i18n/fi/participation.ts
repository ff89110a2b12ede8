/** Who takes part: an event's participant list, members' participation and feedback over a season. */
export const participationFi = {
	'participation.participants': 'Osallistujat',
	'participation.participantsIntro':
		'Tapahtuman ilmoittautumiset tiloittain: ensin paikan saaneet, sitten jonossa olevat jonotusjärjestyksessä ja lopuksi perutut.',
	'participation.ownMunicipalities': 'Näet oman kuntasi ilmoittautumiset.',
	'participation.byState': '{confirmed} paikka varattu, {waiting} jonossa, {cancelled} peruttu',
	'participation.none': 'Valintoja vastaavia ilmoittautumisia ei ole.',
	'participation.filters': 'Rajaa osallistujia',
	'participation.state': 'Tila',
	'participation.waitingPosition': 'Sija jonossa',
	'participation.signedUpAt': 'Ilmoittautunut',
	'participation.arrangements': 'Erityisjärjestelyt',
	'participation.erased': 'Poistettu henkilö',
	'participation.code': 'Kuntanumero',
	'participation.season': 'Kuntien osallistuminen',
	'participation.seasonIntro':
		'Jäsenkuntien ihmisten ilmoittautumiset ja osallistuminen kauden tapahtumiin. Osallistuminen lasketaan läsnäolomerkinnöistä.',
	'participation.people': 'Henkilöitä mukana',
	'participation.confirmed': 'Paikkoja varattu',
	'participation.waiting': 'Jonossa',
	'participation.attended': 'Osallistumisia',
	'participation.eventsAttended': 'Tapahtumia, joissa mukana',
	'participation.heldEvents': 'Kaudella on pidetty {count} tapahtumaa.',
	'participation.heldEvents.one': 'Kaudella on pidetty {count} tapahtuma.',
	'participation.members': '{count} jäsenkuntaa',
	'participation.members.one': '{count} jäsenkunta',
	'participation.municipality': 'Osallistuminen tapahtumiin',
	'participation.municipalityIntro':
		'Kunnan ihmisten ilmoittautumiset kauden tapahtumiin ja osallistuminen niihin.',
	'participation.municipalitySummary':
		'{people} henkilöä mukana, {attended} osallistumista {events} tapahtumaan; kaudella on pidetty {held} tapahtumaa.',
	'participation.chooseSeason': 'Kausi',
	'participation.show': 'Näytä',
	'participation.noSeasons': 'Kunta ei ole mukana yhdelläkään kaudella.',
	'participation.noSignUps': 'Kunnan ihmisiä ei ole ilmoittautunut kauden tapahtumiin.',
	'participation.signUps': '{count} ilmoittautumista',
	'participation.signUps.one': '{count} ilmoittautuminen',
	'participation.feedback': 'Palaute kauden tapahtumista',
	'participation.feedbackIntro':
		'Kaikkien kauden tapahtumien palaute yhteensä ja tapahtumittain. Vastaukset ovat nimettömiä.',
	'participation.feedbackTotals':
		'{answers} vastausta {attended} osallistumisesta, {events} tapahtumaa',
	'participation.feedbackSeason': 'Koko kausi',
	'participation.feedbackByEvent': 'Tapahtumittain',
	'participation.average': 'Keskiarvo',
	'participation.answers': 'Vastauksia',
	'participation.noAnswers': 'Ei vastauksia',
	'participation.distribution': 'Jakauma 1–5',
	'participation.distributionOf': '1: {s1}, 2: {s2}, 3: {s3}, 4: {s4}, 5: {s5}'
} as const;
