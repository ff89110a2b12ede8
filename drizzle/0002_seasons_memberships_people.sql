CREATE TYPE "public"."person_position" AS ENUM('municipal_manager', 'administrative_director', 'board_chair', 'board_member', 'council_chair', 'council_vice_chair', 'council_member', 'management_team_member', 'developer', 'contact_person', 'other');--> statement-breakpoint
CREATE TYPE "public"."attendance_group" AS ENUM('board', 'council_presidium', 'council', 'management_team', 'developers');--> statement-breakpoint
CREATE TYPE "public"."decision_outcome" AS ENUM('approved', 'rejected', 'tabled');--> statement-breakpoint
CREATE TYPE "public"."membership_state" AS ENUM('invited', 'decided', 'active', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."vat_treatment" AS ENUM('vat_exempt', 'vat_standard');--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_size_limit" CHECK ("files"."size" between 1 and 20971520)
);
--> statement-breakpoint
CREATE TABLE "membership_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"membership_id" uuid NOT NULL,
	"body" text NOT NULL,
	"meeting_date" date NOT NULL,
	"section" text NOT NULL,
	"presenter_title" text NOT NULL,
	"proposal" text NOT NULL,
	"decision" text NOT NULL,
	"outcome" "decision_outcome" NOT NULL,
	"minutes_file_id" uuid,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"season_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"state" "membership_state" DEFAULT 'invited' NOT NULL,
	"contact_person_id" uuid,
	"on_site_groups" "attendance_group"[] DEFAULT '{}'::attendance_group[] NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_season_municipality" UNIQUE("season_id","municipality_code")
);
--> statement-breakpoint
CREATE TABLE "fee_tiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"name_fi" text NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"min_population" integer NOT NULL,
	"max_population" integer,
	"yearly_fee_cents" integer NOT NULL,
	"valid_from" date NOT NULL,
	"vat_treatment" "vat_treatment" NOT NULL,
	"is_demo_amount" boolean DEFAULT false NOT NULL,
	CONSTRAINT "fee_tiers_start" UNIQUE("network_id","valid_from","min_population"),
	CONSTRAINT "fee_tiers_bounds" CHECK ("fee_tiers"."min_population" >= 0 and ("fee_tiers"."max_population" is null or "fee_tiers"."max_population" >= "fee_tiers"."min_population")),
	CONSTRAINT "fee_tiers_fee" CHECK ("fee_tiers"."yearly_fee_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "season_focus_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"season_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"text_fi" text NOT NULL,
	"text_sv" text NOT NULL,
	"text_en" text NOT NULL,
	CONSTRAINT "season_focus_areas_order" UNIQUE("season_id","position")
);
--> statement-breakpoint
CREATE TABLE "seasons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"number" smallint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"lead_theme_fi" text NOT NULL,
	"lead_theme_sv" text NOT NULL,
	"lead_theme_en" text NOT NULL,
	"description_fi" text DEFAULT '' NOT NULL,
	"description_sv" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"seminars" smallint,
	"work_seminars" smallint,
	"contact_person_meetings" smallint,
	"current_affairs_reviews" smallint,
	"peer_discussions" smallint,
	"development_events" smallint,
	"workshops_per_municipality" smallint DEFAULT 5 NOT NULL,
	"situation_analyses_per_municipality" smallint DEFAULT 1 NOT NULL,
	"presentation_file_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "seasons_network_number" UNIQUE("network_id","number"),
	CONSTRAINT "seasons_period" CHECK ("seasons"."starts_on" < "seasons"."ends_on"),
	CONSTRAINT "seasons_number_positive" CHECK ("seasons"."number" > 0)
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "municipality_code" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "title" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "positions" "person_position"[] DEFAULT '{}'::person_position[] NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_decisions" ADD CONSTRAINT "membership_decisions_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_decisions" ADD CONSTRAINT "membership_decisions_minutes_file_id_files_id_fk" FOREIGN KEY ("minutes_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_decisions" ADD CONSTRAINT "membership_decisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_contact_person_id_users_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_tiers" ADD CONSTRAINT "fee_tiers_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_focus_areas" ADD CONSTRAINT "season_focus_areas_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seasons" ADD CONSTRAINT "seasons_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seasons" ADD CONSTRAINT "seasons_presentation_file_id_files_id_fk" FOREIGN KEY ("presentation_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "membership_decisions_membership" ON "membership_decisions" USING btree ("membership_id","meeting_date");--> statement-breakpoint
CREATE INDEX "memberships_municipality" ON "memberships" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "memberships_season_state" ON "memberships" USING btree ("season_id","state");--> statement-breakpoint
CREATE INDEX "fee_tiers_network_valid" ON "fee_tiers" USING btree ("network_id","valid_from");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_municipality_name" ON "users" USING btree ("municipality_code","name");