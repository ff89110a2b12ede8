import type { CostKind } from '$lib/domain/workshops/travel-costs';
import type { DemoExpert } from './demo-workshops';

/**
 * The demo experts' travel costs (issue 8, "Demo data"): each of Antti (from Oulu, the northern
 * members) and Eeva (from Helsinki, the others) has a journey in every state — approved (its
 * amounts fixed then), submitted, returned with the coordinator's reason, and a draft — with
 * lines of their own car by kilometres, the train and a hotel with receipts. Antti's journey of
 * January 2024 served a workshop in Vaala and one in Kajaani the next day, and is split between
 * them. seed-workshops.ts runs these through the use cases; lines' days are counted from the
 * first workshop's day.
 */

export interface DemoCostLine {
	kind: CostKind;
	/** Days from the day of the journey's first workshop. */
	offset: number;
	/** Own car. */
	km?: number;
	/** A receipt's total with VAT, and its VAT rate in basis points (the VAT is its share). */
	grossCents?: number;
	vatBasisPoints?: number;
	description: string;
	/** What the receipt says, line by line (a small PDF is made of it). */
	receipt?: readonly string[];
}

export interface DemoJourneyPlan {
	key: string;
	expert: DemoExpert;
	from: string;
	to: string;
	/** The workshops it served, by plan key (demo-workshops.ts), the first giving the day. */
	workshops: readonly string[];
	lines: readonly DemoCostLine[];
	state: 'draft' | 'submitted' | 'returned' | 'approved';
	returnReason?: string;
}

/**
 * Finnish VAT on passenger transport and accommodation was 10 % until the end of 2024 and is
 * 14 % from 2025 (USO 8's receipts).
 */
const VAT_2024 = 1_000;
const VAT_2025 = 1_400;

export const DEMO_JOURNEYS: readonly DemoJourneyPlan[] = [
	{
		key: 'antti-vaala-kajaani-2024',
		expert: 'antti',
		from: 'Oulu',
		to: 'Vaala ja Kajaani',
		workshops: ['785-7-vitality', '205-7-held-b'],
		state: 'approved',
		lines: [
			{ kind: 'own_car', offset: 0, km: 204.6, description: 'Oulu–Vaala–Kajaani' },
			{
				kind: 'hotel',
				offset: 0,
				grossCents: 11_200,
				vatBasisPoints: VAT_2024,
				description: 'Hotelli, Kajaani, 1 yö',
				receipt: [
					'Hotelli Kajaaninlinna (demo)',
					'Majoitus 30.-31.1.2024, 1 yö',
					'Yhteensä 112,00 €',
					'Alv 10 % 10,18 €'
				]
			},
			{ kind: 'own_car', offset: 1, km: 181.3, description: 'Kajaani–Oulu' }
		]
	},
	{
		key: 'antti-vaala-extra-2024',
		expert: 'antti',
		from: 'Oulu',
		to: 'Vaala',
		workshops: ['785-7-extra'],
		state: 'approved',
		lines: [{ kind: 'own_car', offset: 0, km: 221.8, description: 'Oulu–Vaala–Oulu' }]
	},
	{
		key: 'antti-pudasjarvi',
		expert: 'antti',
		from: 'Oulu',
		to: 'Pudasjärvi',
		workshops: ['615-8-held'],
		state: 'submitted',
		lines: [{ kind: 'own_car', offset: 0, km: 163.0, description: 'Oulu–Pudasjärvi–Oulu' }]
	},
	{
		key: 'antti-kajaani',
		expert: 'antti',
		from: 'Oulu',
		to: 'Kajaani',
		workshops: ['205-8-held'],
		state: 'returned',
		returnReason: 'Junalipun kuitissa on vain menomatka: liitä myös paluulipun kuitti.',
		lines: [
			{
				kind: 'train',
				offset: -1,
				grossCents: 6_480,
				vatBasisPoints: VAT_2025,
				description: 'Oulu–Kajaani–Oulu',
				receipt: ['VR (demo)', 'Oulu–Kajaani, 1 aikuinen', 'Yhteensä 32,40 €', 'Alv 14 %']
			},
			{
				kind: 'hotel',
				offset: -1,
				grossCents: 12_900,
				vatBasisPoints: VAT_2025,
				description: 'Hotelli, Kajaani, 1 yö (työpaja alkoi klo 9)',
				receipt: ['Hotelli Kajaani (demo)', 'Majoitus 1 yö', 'Yhteensä 129,00 €', 'Alv 14 %']
			}
		]
	},
	{
		key: 'antti-suomussalmi',
		expert: 'antti',
		from: 'Oulu',
		to: 'Suomussalmi',
		workshops: ['777-8-held'],
		state: 'draft',
		lines: [{ kind: 'own_car', offset: 0, km: 440.2, description: 'Oulu–Suomussalmi–Oulu' }]
	},
	{
		key: 'eeva-seinajoki-2023',
		expert: 'eeva',
		from: 'Helsinki',
		to: 'Seinäjoki',
		workshops: ['743-7-held-a'],
		state: 'approved',
		lines: [
			{
				kind: 'train',
				offset: -1,
				grossCents: 9_860,
				vatBasisPoints: VAT_2024,
				description: 'Helsinki–Seinäjoki–Helsinki',
				receipt: ['VR (demo)', 'Helsinki–Seinäjoki–Helsinki', 'Yhteensä 98,60 €', 'Alv 10 %']
			},
			{
				kind: 'hotel',
				offset: -1,
				grossCents: 10_900,
				vatBasisPoints: VAT_2024,
				description: 'Hotelli, Seinäjoki, 1 yö',
				receipt: ['Hotelli Seinäjoki (demo)', 'Majoitus 1 yö', 'Yhteensä 109,00 €', 'Alv 10 %']
			}
		]
	},
	{
		key: 'eeva-loviisa',
		expert: 'eeva',
		from: 'Helsinki',
		to: 'Loviisa',
		workshops: ['434-8-held'],
		state: 'submitted',
		lines: [{ kind: 'own_car', offset: 0, km: 186.4, description: 'Helsinki–Loviisa–Helsinki' }]
	},
	{
		key: 'eeva-seinajoki',
		expert: 'eeva',
		from: 'Helsinki',
		to: 'Seinäjoki',
		workshops: ['743-8-held'],
		state: 'returned',
		returnReason: 'Tarkista junalipun summa: kuitissa 98,60 €, kululla 104,40 €.',
		lines: [
			{
				kind: 'train',
				offset: 0,
				grossCents: 10_440,
				vatBasisPoints: VAT_2025,
				description: 'Helsinki–Seinäjoki–Helsinki',
				receipt: ['VR (demo)', 'Helsinki–Seinäjoki–Helsinki', 'Yhteensä 98,60 €', 'Alv 14 %']
			},
			{
				kind: 'hotel',
				offset: 0,
				grossCents: 11_800,
				vatBasisPoints: VAT_2025,
				description: 'Hotelli, Seinäjoki, 1 yö',
				receipt: ['Hotelli Seinäjoki (demo)', 'Majoitus 1 yö', 'Yhteensä 118,00 €', 'Alv 14 %']
			}
		]
	},
	{
		key: 'eeva-mantyharju',
		expert: 'eeva',
		from: 'Helsinki',
		to: 'Mäntyharju',
		workshops: ['507-8-held'],
		state: 'draft',
		lines: [
			{
				kind: 'train',
				offset: 0,
				grossCents: 4_290,
				vatBasisPoints: VAT_2025,
				description: 'Helsinki–Mäntyharju–Helsinki',
				receipt: ['VR (demo)', 'Helsinki–Mäntyharju–Helsinki', 'Yhteensä 42,90 €', 'Alv 14 %']
			}
		]
	}
];
