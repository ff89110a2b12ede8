ALTER TABLE "memberships" ADD CONSTRAINT "memberships_id_season" UNIQUE("id","season_id");--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "season_id" uuid;--> statement-breakpoint
UPDATE "workshops" SET "season_id" = "memberships"."season_id" FROM "memberships" WHERE "memberships"."id" = "workshops"."membership_id";--> statement-breakpoint
ALTER TABLE "workshops" ALTER COLUMN "season_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_membership_season" FOREIGN KEY ("membership_id","season_id") REFERENCES "public"."memberships"("id","season_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workshops_season_state_start" ON "workshops" USING btree ("season_id","state","starts_at" NULLS FIRST,"created_at","id");
