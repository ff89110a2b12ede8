import { z } from 'zod';
import { email, text } from './fields';

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
	descriptionEn: text({ max: 4000, optional: true, multiline: true }).default(''),
	/** Shown on the public page; empty means none. */
	publicContactEmail: z
		.preprocess(
			(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
			email().optional()
		)
		.transform((v) => v ?? null)
});
export type NetworkForm = z.output<typeof networkFormSchema>;
