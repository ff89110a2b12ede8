DROP INDEX "invoice_run_members_state";--> statement-breakpoint
ALTER TABLE "invoice_run_members" ADD COLUMN "position" integer;--> statement-breakpoint
-- runs confirmed before: their members in the order they were billed in (by membership id)
UPDATE "invoice_run_members" r SET "position" = o."position"
	FROM (SELECT "run_id", "membership_id", row_number() OVER (PARTITION BY "run_id" ORDER BY "membership_id") AS "position"
		FROM "invoice_run_members") o
	WHERE o."run_id" = r."run_id" AND o."membership_id" = r."membership_id";--> statement-breakpoint
ALTER TABLE "invoice_run_members" ALTER COLUMN "position" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "invoice_run_members_state" ON "invoice_run_members" USING btree ("run_id","state","position");--> statement-breakpoint
ALTER TABLE "invoice_run_members" ADD CONSTRAINT "invoice_run_members_position" UNIQUE("run_id","position");
