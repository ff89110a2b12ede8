import { z } from 'zod';
import { text } from './fields';

export const networkFormSchema = z.object({
	shortName: text({ max: 30 }),
	slug: z
		.string({ error: 'error.required' })
		.trim()
		.toLowerCase()
		.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'error.slug'),
	nameFi: text({ max: 200 }),
	nameSv: text({ max: 200 }),
	nameEn: text({ max: 200 }),
	descriptionFi: text({ max: 4000, optional: true, multiline: true }).default(''),
	descriptionSv: text({ max: 4000, optional: true, multiline: true }).default(''),
	descriptionEn: text({ max: 4000, optional: true, multiline: true }).default('')
});
export type NetworkForm = z.output<typeof networkFormSchema>;
