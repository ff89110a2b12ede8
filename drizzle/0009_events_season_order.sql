DROP INDEX "events_season_starts";--> statement-breakpoint
CREATE INDEX "events_season_starts" ON "events" USING btree ("season_id","starts_at","id");