import { fail, type ActionFailure } from '@sveltejs/kit';
import { formValues, parseForm, readFormData } from '$lib/server/http/parse';
import {
	questionFormSchema,
	readOptionRows,
	type OptionInput,
	type QuestionForm
} from '$lib/schemas/analysis';
import type { QuestionEditResult } from '$lib/server/analysis/save-analysis-question';
import type { Question, Section } from '$lib/domain/analysis/questionnaire';
import type { FieldErrors } from '$lib/schemas/errors';

type Failure = ActionFailure<{ question: { errors: FieldErrors; values: Record<string, string> } }>;

/** A question form read whole: its fields and option rows, or the answer to give back. */
export async function readQuestionForm(
	request: Request
): Promise<
	| { ok: true; data: QuestionForm & { options: OptionInput[] }; values: Record<string, string> }
	| { ok: false; failure: Failure }
> {
	const data = await readFormData(request);
	const values = formValues(data);
	const form = await parseForm(data, questionFormSchema);
	const options = readOptionRows(data);
	if (!form.ok || !options.ok) {
		const errors: FieldErrors = form.ok ? {} : { ...form.errors };
		if (!options.ok) errors[options.field] = { key: 'error.analysis.notNumber' };
		return { ok: false, failure: fail(400, { question: { errors, values } }) };
	}
	return { ok: true, data: { ...form.data, options: options.options }, values };
}

export function questionRefusal(
	result: Extract<QuestionEditResult, { ok: false }>,
	values: Record<string, string>
): Failure {
	const errors: FieldErrors =
		'field' in result
			? { [result.field]: { key: `error.analysis.${result.error}` } }
			: { _form: { key: 'analysis.notFound' } };
	return fail(400, { question: { errors, values } });
}

const str = (v: number | null | undefined) =>
	v === null || v === undefined ? '' : String(v).replace('.', ',');

/** A saved question as its form's values. */
export function questionValues(q: Question): Record<string, string> {
	const values: Record<string, string> = {
		kind: q.kind,
		textFi: q.text.fi,
		textSv: q.text.sv ?? '',
		textEn: q.text.en ?? '',
		helpFi: q.help?.fi ?? '',
		helpSv: q.help?.sv ?? '',
		helpEn: q.help?.en ?? '',
		required: q.required ? 'on' : ''
	};
	if (q.kind === 'scale' || q.kind === 'single_choice') values.weight = str(q.weight);
	if (q.kind === 'multiple_choice') values.maxChoices = str(q.maxChoices);
	if (q.kind === 'number') {
		values.minValue = str(q.min);
		values.maxValue = str(q.max);
		values.integerOnly = q.integer ? 'on' : '';
	}
	if (q.kind === 'free_text') values.maxLength = str(q.maxLength);
	if (q.kind === 'single_choice' || q.kind === 'multiple_choice') {
		q.options.forEach((o, i) => {
			values[`optionFi${i + 1}`] = o.text.fi;
			values[`optionSv${i + 1}`] = o.text.sv ?? '';
			values[`optionEn${i + 1}`] = o.text.en ?? '';
			if ('score' in o) values[`optionScore${i + 1}`] = str(o.score as number | null);
		});
	}
	return values;
}

/** A saved section as its form's values. */
export function sectionValues(s: Section & { focusAreaId: string | null }): Record<string, string> {
	return {
		titleFi: s.title.fi,
		titleSv: s.title.sv ?? '',
		titleEn: s.title.en ?? '',
		descriptionFi: s.description?.fi ?? '',
		descriptionSv: s.description?.sv ?? '',
		descriptionEn: s.description?.en ?? '',
		weight: String(s.weight),
		focusAreaId: s.focusAreaId ?? ''
	};
}
