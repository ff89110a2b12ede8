-- Finland's general VAT rate (Arvonlisäverolaki 1501/1993, 84 §) by the day it came into force
-- (ADR 022; the same list as FINNISH_GENERAL_VAT in src/lib/domain/billing/vat.ts): 24 % from
-- 1.1.2013, 25,5 % from 1.9.2024. Invoices take the rate in force on their invoice date; a new
-- rate is a new row.
INSERT INTO "vat_rates" ("valid_from", "basis_points", "source") VALUES
	('2013-01-01', 2400, 'Verohallinto, arvonlisäveroprosentit (laki 1501/1993 84 §, 24 % 1.1.2013 alkaen)'),
	('2024-09-01', 2550, 'Verohallinto, yleisen verokannan muutos 1.9.2024 (25,5 %)')
ON CONFLICT ("valid_from") DO NOTHING;
