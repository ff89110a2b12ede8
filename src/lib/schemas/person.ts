import { z } from 'zod';
import { choice, email, text } from './fields';
import { POSITIONS } from '$lib/domain/positions';
import { LOCALES } from '$lib/i18n/locales';

export const personFormSchema = z.object({
	name: text({ max: 200 }),
	email: email(),
	title: text({ max: 200, optional: true }).default(''),
	positions: z.array(choice(POSITIONS)).max(POSITIONS.length),
	locale: choice(LOCALES)
});
export type PersonForm = z.output<typeof personFormSchema>;

/** A person form from submitted data: positions come as repeated checkboxes. */
export function personFormInput(form: FormData) {
	const one = (k: string) => (typeof form.get(k) === 'string' ? String(form.get(k)) : undefined);
	return {
		name: one('name'),
		email: one('email'),
		title: one('title') ?? '',
		positions: [...new Set(form.getAll('positions').map(String))],
		locale: one('locale')
	};
}
