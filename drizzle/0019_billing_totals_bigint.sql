ALTER TABLE "billing_season_totals" ALTER COLUMN "invoiced_cents" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "billing_season_totals" ALTER COLUMN "credited_cents" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "billing_season_totals" ALTER COLUMN "paid_cents" SET DATA TYPE bigint;