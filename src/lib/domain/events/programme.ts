import { EVENT_TYPES, PROGRAMME_KEY, type EventType, type ProgrammePlan } from './event-types';

/**
 * The season's programme against its plan: "2 of 4 seminars held, 1 scheduled". An event is
 * held once it has ended, scheduled until then (also while it runs), and a cancelled one
 * counts for neither.
 */

export type EventProgress = 'scheduled' | 'held' | 'cancelled';

export function eventProgress(
	event: { endsAt: Date; cancelled: boolean },
	now: Date
): EventProgress {
	if (event.cancelled) return 'cancelled';
	return event.endsAt.getTime() <= now.getTime() ? 'held' : 'scheduled';
}

export interface ProgrammeLine {
	type: EventType;
	/** null: the plan sets no number ("as the season goes"). */
	planned: number | null;
	held: number;
	scheduled: number;
	cancelled: number;
	/** Planned but neither held nor scheduled yet; null when nothing is planned by number. */
	unscheduled: number | null;
}

/**
 * One line per event type, in the usual order; a type the plan leaves out (0) and that has no
 * events is left out too.
 */
export function programmeAgainstPlan(
	plan: ProgrammePlan,
	events: readonly { type: EventType; progress: EventProgress }[]
): ProgrammeLine[] {
	const lines: ProgrammeLine[] = [];
	for (const type of EVENT_TYPES) {
		const planned = plan[PROGRAMME_KEY[type]];
		const ofType = events.filter((e) => e.type === type);
		if (planned === 0 && ofType.length === 0) continue;
		const count = (p: EventProgress) => ofType.filter((e) => e.progress === p).length;
		const [held, scheduled, cancelled] = [count('held'), count('scheduled'), count('cancelled')];
		lines.push({
			type,
			planned,
			held,
			scheduled,
			cancelled,
			unscheduled: planned === null ? null : Math.max(0, planned - held - scheduled)
		});
	}
	return lines;
}
