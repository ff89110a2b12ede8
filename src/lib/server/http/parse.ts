import type { z } from 'zod';
import type { MessageKey } from '$lib/i18n/fi';
import { fi } from '$lib/i18n/fi';
import { checkPdf, MAX_FILE_BYTES } from '../files/store-file';
import {
	detectFileType,
	FILE_TYPES,
	storedFileName,
	type FileType
} from '$lib/domain/files/file-types';

import type { FieldError, FieldErrors } from '$lib/schemas/errors';

export type { FieldError, FieldErrors };

function toFieldError(issue: z.core.$ZodIssue): FieldError {
	const key = (issue.message in fi ? issue.message : 'error.invalid') as MessageKey;
	const params: Record<string, string | number> = {};
	if (issue.code === 'too_big') params.max = Number(issue.maximum);
	if (issue.code === 'too_small') params.min = Number(issue.minimum);
	if (issue.code === 'custom' && issue.params) Object.assign(params, issue.params);
	return Object.keys(params).length ? { key, params } : { key };
}

export function collectErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? '_form');
		errors[field] ??= toFieldError(issue);
	}
	return errors;
}

/** The text fields of a form as typed, to give back with errors. Files and secrets are left out. */
export function formValues(form: FormData, omit: string[] = []): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form) {
		if (typeof value === 'string' && !omit.includes(key)) values[key] = value.slice(0, 10_000);
	}
	return values;
}

export type FormResult<T> =
	{ ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Validates a submitted form. Repeated fields are taken once (the first); a body that is
 * not a form gives the same answer as an empty form.
 */
export async function parseForm<S extends z.ZodType>(
	request: Request | FormData,
	schema: S,
	options: { omitFromValues?: string[] } = {}
): Promise<FormResult<z.output<S>>> {
	const form = request instanceof FormData ? request : await readFormData(request);
	const raw: Record<string, FormDataEntryValue> = {};
	for (const [key, value] of form) if (!(key in raw)) raw[key] = value;
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data };
	return {
		ok: false,
		errors: collectErrors(result.error),
		values: formValues(form, options.omitFromValues)
	};
}

/** The request's form, or an empty one when the body is not a form. */
export async function readFormData(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		return new FormData();
	}
}

export type Upload = { name: string; bytes: Uint8Array };

/**
 * A PDF from a file field: null when none was chosen, an error key when it is not a PDF
 * (by its content, not its name) or too large.
 */
export async function readPdfUpload(
	form: FormData,
	field: string
): Promise<{ ok: true; file: Upload | null } | { ok: false; error: FieldError }> {
	const value = form.get(field);
	if (!(value instanceof File) || (value.size === 0 && !value.name))
		return { ok: true, file: null };
	if (value.size === 0) return { ok: false, error: { key: 'error.fileEmpty' } };
	if (value.size > MAX_FILE_BYTES) {
		return {
			ok: false,
			error: { key: 'error.fileTooLarge', params: { max: MAX_FILE_BYTES / 1024 / 1024 } }
		};
	}
	const bytes = new Uint8Array(await value.arrayBuffer());
	const check = checkPdf(bytes);
	if (!check.ok) return { ok: false, error: { key: 'error.fileNotPdf' } };
	return { ok: true, file: { name: value.name || 'document.pdf', bytes } };
}

export type TypedUpload = { name: string; bytes: Uint8Array; type: FileType; contentType: string };

/**
 * A file of one of the `allowed` kinds from a file field, told by its content: an error key
 * when none was chosen, when it is empty or too large, or when it is of another kind. The name
 * is made safe and given the extension its content has.
 */
export async function readUpload(
	form: FormData,
	field: string,
	allowed: readonly FileType[]
): Promise<{ ok: true; file: TypedUpload } | { ok: false; error: FieldError }> {
	const value = form.get(field);
	if (!(value instanceof File) || (value.size === 0 && !value.name)) {
		return { ok: false, error: { key: 'error.fileMissing' } };
	}
	if (value.size === 0) return { ok: false, error: { key: 'error.fileEmpty' } };
	if (value.size > MAX_FILE_BYTES) {
		return {
			ok: false,
			error: { key: 'error.fileTooLarge', params: { max: MAX_FILE_BYTES / 1024 / 1024 } }
		};
	}
	const bytes = new Uint8Array(await value.arrayBuffer());
	const type = detectFileType(bytes, value.name, allowed);
	if (!type) return { ok: false, error: { key: 'error.fileType' } };
	return {
		ok: true,
		file: {
			name: storedFileName(value.name, type),
			bytes,
			type,
			contentType: FILE_TYPES[type].contentType
		}
	};
}

/**
 * Reads a query string field by field: a bad value falls back to its default and is reported,
 * so a mistyped link still shows a page (with the message next to the field), never a 500.
 */
export function parseQuery<
	Shape extends Record<string, z.ZodType>,
	Values extends { [K in keyof Shape]: unknown }
>(
	params: URLSearchParams,
	shape: Shape & { [K in keyof Shape]: z.ZodType<Values[K], string> },
	defaults: Values
): { values: Values; errors: FieldErrors } {
	const values = { ...defaults };
	const errors: FieldErrors = {};
	for (const key of Object.keys(shape) as (keyof Shape & string)[]) {
		const raw = params.get(key);
		if (raw === null || raw === '') continue;
		const result = shape[key]!.safeParse(raw);
		if (result.success) values[key] = result.data as Values[typeof key];
		else errors[key] = toFieldError(result.error.issues[0]!);
	}
	return { values, errors };
}
