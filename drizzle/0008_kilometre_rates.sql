-- The Finnish Tax Administration's (Verohallinto) tax-exempt kilometre allowance for one's own car,
-- the base rate, each valid from 1 January until the next (ADR 018; the same list as
-- FINNISH_KILOMETRE_RATES in src/lib/domain/workshops/kilometre-allowances.ts). A new year's rate
-- is a new row.
INSERT INTO "kilometre_rates" ("valid_from", "cents_per_km", "source") VALUES
	('2023-01-01', 53, 'Verohallinto, decision on tax-exempt travel allowances for 2023'),
	('2024-01-01', 57, 'Verohallinto, decision on tax-exempt travel allowances for 2024'),
	('2025-01-01', 59, 'Verohallinto, VH/6768/00.01.00/2024 of 13 Nov 2024'),
	('2026-01-01', 55, 'Verohallinto, VH/6575/00.01.00/2025')
ON CONFLICT ("valid_from") DO NOTHING;
