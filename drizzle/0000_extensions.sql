-- Trigram matching for partial, accent-insensitive name search (contrib module in both PGlite and Debian's PostgreSQL).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
