CREATE TABLE "analysis_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"analysis_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"focus_area_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analysis_recommendations_position" CHECK ("analysis_recommendations"."position" between 1 and 99),
	CONSTRAINT "analysis_recommendations_length" CHECK (char_length("analysis_recommendations"."title") between 1 and 300 and char_length("analysis_recommendations"."text") <= 4000)
);
--> statement-breakpoint
CREATE TABLE "analysis_summaries" (
	"analysis_id" uuid PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analysis_summaries_length" CHECK (char_length("analysis_summaries"."text") <= 10000)
);
--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "recommendation_id" uuid;--> statement-breakpoint
ALTER TABLE "analysis_recommendations" ADD CONSTRAINT "analysis_recommendations_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_recommendations" ADD CONSTRAINT "analysis_recommendations_focus_area_id_season_focus_areas_id_fk" FOREIGN KEY ("focus_area_id") REFERENCES "public"."season_focus_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_recommendations" ADD CONSTRAINT "analysis_recommendations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_summaries" ADD CONSTRAINT "analysis_summaries_analysis_id_analyses_id_fk" FOREIGN KEY ("analysis_id") REFERENCES "public"."analyses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_summaries" ADD CONSTRAINT "analysis_summaries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analysis_recommendations_analysis" ON "analysis_recommendations" USING btree ("analysis_id","position");--> statement-breakpoint
CREATE INDEX "analysis_recommendations_focus_area" ON "analysis_recommendations" USING btree ("focus_area_id");--> statement-breakpoint
CREATE INDEX "analysis_recommendations_created_by" ON "analysis_recommendations" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "analysis_summaries_updated_by" ON "analysis_summaries" USING btree ("updated_by");--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_recommendation_id_analysis_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."analysis_recommendations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "workshops_recommendation" ON "workshops" USING btree ("recommendation_id") WHERE "workshops"."recommendation_id" is not null and "workshops"."state" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "workshops_recommendation_any" ON "workshops" USING btree ("recommendation_id");