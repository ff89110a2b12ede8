/** Background jobs (/admin/jobs) and the outbox's queued status. */
export const jobsFi = {
	'nav.jobs': 'Taustatyöt',
	'jobs.title': 'Epäonnistuneet taustatyöt',
	'jobs.intro':
		'Palvelin tekee osan töistä taustalla, esimerkiksi lähettää sähköpostit. Epäonnistunutta työtä yritetään uudelleen yhä harvemmin, enintään tunnin välein. Tässä ovat työt, joiden kaikki yritykset epäonnistuivat. Korjaa syy (esimerkiksi sähköpostipalvelimen asetukset) ja yritä uudelleen.',
	'jobs.empty': 'Ei epäonnistuneita töitä.',
	'jobs.id': 'Työ',
	'jobs.kind': 'Työn laji',
	'jobs.attempts': 'Yritykset',
	'jobs.attemptsOf': '{attempts}/{max}',
	'jobs.lastError': 'Viimeisin virhe',
	'jobs.createdAt': 'Luotu',
	'jobs.failedAt': 'Epäonnistui',
	'jobs.action': 'Toiminto',
	'jobs.retry': 'Yritä uudelleen',
	'jobs.jobNumber': '(työ {id})',
	'jobs.retried': 'Työ {id} on taas jonossa ja ajetaan pian.',
	'jobs.error.not_found':
		'Työtä ei löytynyt epäonnistuneiden joukosta. Joku on ehkä jo käynnistänyt sen uudelleen.',
	'jobs.error.superseded':
		'Samasta asiasta on jo uudempi työ jonossa, joten tätä ei käynnistetty uudelleen.',
	'jobs.kind.deliver_mail': 'Sähköpostin lähetys',
	'outbox.status.queued': 'jonossa',
	'outbox.queuedNote':
		'Jonossa oleva viesti lähtee taustalla hetken kuluttua. Jos lähetys epäonnistuu yrityksestä toiseen, se näkyy epäonnistuneissa taustatöissä, joista sen voi yrittää uudelleen:'
} as const;
