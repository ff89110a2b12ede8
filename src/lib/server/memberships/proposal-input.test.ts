import { describe, expect, it } from 'vitest';
import { contactTitleIn } from './proposal-input';

describe('the contact person’s title in a proposal', () => {
	const director = {
		title: 'hallintojohtaja',
		positions: ['administrative_director', 'contact_person'] as const
	};

	it('is the municipality’s own wording in Finnish, and the position’s name in Swedish and English', () => {
		expect(contactTitleIn('fi', { ...director, positions: [...director.positions] })).toBe(
			'hallintojohtaja'
		);
		expect(contactTitleIn('sv', { ...director, positions: [...director.positions] })).toBe(
			'förvaltningsdirektör'
		);
		expect(contactTitleIn('en', { ...director, positions: [...director.positions] })).toBe(
			'administrative director'
		);
	});

	it('falls back to the title as written, and to nothing without a contact person', () => {
		expect(contactTitleIn('en', { title: 'kehittäjä', positions: ['contact_person'] })).toBe(
			'kehittäjä'
		);
		expect(contactTitleIn('sv', null)).toBe('');
	});
});
