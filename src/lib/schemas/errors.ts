import type { MessageKey } from '$lib/i18n/fi';

/** A validation message for one field: a catalogue key and its parameters. */
export interface FieldError {
	key: MessageKey;
	params?: Record<string, string | number>;
}
export type FieldErrors = Record<string, FieldError>;
