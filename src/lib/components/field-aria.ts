import type { FieldError } from '$lib/schemas/errors';

/**
 * aria-invalid and aria-describedby of the field `id`: described by its hint (`{id}-hint`) when
 * it has one and by its error (`{id}-error`, as FieldError names it) when there is one.
 */
export function fieldAria(id: string, error: FieldError | undefined, hint = false) {
	return {
		'aria-invalid': error ? ('true' as const) : undefined,
		'aria-describedby':
			[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
	};
}
