ALTER TABLE "analyses" ADD COLUMN "invited_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "started_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "analyses" ADD COLUMN "complete_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "analyses" a SET
	"invited_count" = (SELECT count(*) FROM "analysis_invitations" i WHERE i."analysis_id" = a."id"),
	"started_count" = (SELECT count(*) FROM "analysis_responses" r WHERE r."analysis_id" = a."id"),
	"complete_count" = (SELECT count(*) FROM "analysis_responses" r WHERE r."analysis_id" = a."id" AND r."complete");--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_counts" CHECK ("analyses"."invited_count" >= 0 and "analyses"."complete_count" >= 0 and "analyses"."complete_count" <= "analyses"."started_count");--> statement-breakpoint
-- An invitation made or taken away: its analysis's count follows (ADR 032). When the analysis
-- itself is deleted, the cascade finds no row to update.
CREATE FUNCTION "analysis_invitations_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		UPDATE "analyses" SET "invited_count" = "invited_count" + 1 WHERE "id" = NEW."analysis_id";
	ELSE
		UPDATE "analyses" SET "invited_count" = "invited_count" - 1 WHERE "id" = OLD."analysis_id";
	END IF;
	RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "analysis_invitations_count" AFTER INSERT OR DELETE ON "analysis_invitations"
	FOR EACH ROW EXECUTE FUNCTION "analysis_invitations_count"();--> statement-breakpoint
-- A response begun, completed (or no longer complete) or taken away: its analysis's counts
-- follow. A response never moves to another analysis (it belongs to its invitation's).
CREATE FUNCTION "analysis_responses_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		UPDATE "analyses" SET "started_count" = "started_count" - 1,
			"complete_count" = "complete_count" - OLD."complete"::int
		WHERE "id" = OLD."analysis_id";
	ELSE
		-- an insert counts as a response begun; an update only changes whether it is complete
		UPDATE "analyses" SET
			"started_count" = "started_count" + (TG_OP = 'INSERT')::int,
			"complete_count" = "complete_count" + NEW."complete"::int
				- CASE WHEN TG_OP = 'UPDATE' THEN OLD."complete"::int ELSE 0 END
		WHERE "id" = NEW."analysis_id";
	END IF;
	RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "analysis_responses_count" AFTER INSERT OR DELETE ON "analysis_responses"
	FOR EACH ROW EXECUTE FUNCTION "analysis_responses_count"();--> statement-breakpoint
CREATE TRIGGER "analysis_responses_count_update" AFTER UPDATE OF "complete" ON "analysis_responses"
	FOR EACH ROW WHEN (OLD."complete" IS DISTINCT FROM NEW."complete")
	EXECUTE FUNCTION "analysis_responses_count"();
