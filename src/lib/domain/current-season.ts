/**
 * Which seasons a page speaks of on a day (yyyy-mm-dd in Helsinki, as `helsinkiDate` in
 * helsinki-time.ts gives it; season dates are stored the same way).
 */

export interface SeasonPeriod {
	networkId: string;
	startsOn: string;
	endsOn: string;
}

const newestFirst = (a: SeasonPeriod, b: SeasonPeriod) => b.startsOn.localeCompare(a.startsOn);

/**
 * The seasons a person's page speaks of: in each network every season running today; where
 * none runs, the one that started last; where none has started yet, the next one.
 */
export function currentOrLatestSeasons<T extends SeasonPeriod>(
	rows: readonly T[],
	today: string
): T[] {
	const byNetwork = new Map<string, T[]>();
	for (const row of rows)
		byNetwork.set(row.networkId, [...(byNetwork.get(row.networkId) ?? []), row]);
	const chosen: T[] = [];
	for (const list of byNetwork.values()) {
		const running = list.filter((r) => r.startsOn <= today && today <= r.endsOn);
		if (running.length) {
			chosen.push(...running);
			continue;
		}
		const started = list.filter((r) => r.startsOn <= today);
		const latest = started.sort(newestFirst)[0];
		const next = [...list].sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
		const pick = latest ?? next;
		if (pick) chosen.push(pick);
	}
	return chosen.sort(newestFirst);
}

/**
 * The seasons a front page puts before a person: the current ones (as above) and, since the
 * next season is prepared while one runs (invitations, board decisions), every season that
 * has not begun yet. Newest first, each once.
 */
export function seasonsInView<T extends SeasonPeriod>(rows: readonly T[], today: string): T[] {
	const chosen = new Set(currentOrLatestSeasons(rows, today));
	for (const row of rows) if (row.startsOn > today) chosen.add(row);
	return [...chosen].sort(newestFirst);
}
