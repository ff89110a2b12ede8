DROP INDEX "workshop_experts_user";--> statement-breakpoint
ALTER TABLE "workshop_experts" ADD COLUMN "done" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "workshop_experts" ADD COLUMN "starts_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "workshop_experts_user" ON "workshop_experts" USING btree ("user_id","done","starts_at","workshop_id");--> statement-breakpoint
UPDATE "workshop_experts" SET "done" = w."state" IN ('held', 'cancelled'), "starts_at" = w."starts_at" FROM "workshops" w WHERE w."id" = "workshop_experts"."workshop_id";--> statement-breakpoint
-- An assignment takes its workshop's start and state when it is made, whatever the insert says.
CREATE FUNCTION "workshop_experts_copy"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	SELECT w."state" IN ('held', 'cancelled'), w."starts_at" INTO NEW."done", NEW."starts_at"
	FROM "workshops" w WHERE w."id" = NEW."workshop_id";
	RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "workshop_experts_copy" BEFORE INSERT OR UPDATE ON "workshop_experts"
	FOR EACH ROW EXECUTE FUNCTION "workshop_experts_copy"();--> statement-breakpoint
-- A workshop scheduled, moved, held or cancelled: its assignments follow (the trigger above
-- reads the workshop's new row).
CREATE FUNCTION "workshops_to_experts"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "workshop_experts" SET "done" = NEW."state" IN ('held', 'cancelled'), "starts_at" = NEW."starts_at"
	WHERE "workshop_id" = NEW."id";
	RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "workshops_to_experts" AFTER UPDATE OF "state", "starts_at" ON "workshops"
	FOR EACH ROW WHEN (OLD."state" IS DISTINCT FROM NEW."state" OR OLD."starts_at" IS DISTINCT FROM NEW."starts_at")
	EXECUTE FUNCTION "workshops_to_experts"();
