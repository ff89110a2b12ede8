import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A development network hosted on the platform, such as USO. */
export const networks = pgTable('networks', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	shortName: text('short_name').notNull(),
	nameFi: text('name_fi').notNull(),
	nameSv: text('name_sv').notNull(),
	nameEn: text('name_en').notNull(),
	descriptionFi: text('description_fi').notNull().default(''),
	descriptionSv: text('description_sv').notNull().default(''),
	descriptionEn: text('description_en').notNull().default(''),
	/**
	 * The network's own address for those considering joining, shown on its public page: a
	 * shared mailbox, never a person's own address (the public page carries no personal data).
	 */
	publicContactEmail: text('public_contact_email'),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});
