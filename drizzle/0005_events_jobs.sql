CREATE TYPE "public"."attendance_mode" AS ENUM('on_site', 'online');--> statement-breakpoint
CREATE TYPE "public"."calendar_feed_kind" AS ENUM('personal', 'network');--> statement-breakpoint
CREATE TYPE "public"."event_format" AS ENUM('on_site', 'online', 'hybrid');--> statement-breakpoint
CREATE TYPE "public"."event_type" AS ENUM('seminar', 'work_seminar', 'contact_person_meeting', 'current_affairs_review', 'peer_discussion', 'development_event');--> statement-breakpoint
CREATE TYPE "public"."sign_up_state" AS ENUM('confirmed', 'waiting', 'cancelled');--> statement-breakpoint
ALTER TYPE "public"."mail_status" ADD VALUE 'queued';--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" "calendar_feed_kind" NOT NULL,
	"user_id" uuid NOT NULL,
	"network_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "event_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid,
	"scores" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_focus_areas" (
	"event_id" uuid NOT NULL,
	"focus_area_id" uuid NOT NULL,
	CONSTRAINT "event_focus_areas_event_id_focus_area_id_pk" PRIMARY KEY("event_id","focus_area_id")
);
--> statement-breakpoint
CREATE TABLE "event_materials" (
	"event_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_materials_event_id_file_id_pk" PRIMARY KEY("event_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "event_sign_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"mode" "attendance_mode" NOT NULL,
	"state" "sign_up_state" NOT NULL,
	"seq" bigserial NOT NULL,
	"arrangements" text,
	"arrangements_erased_at" timestamp with time zone,
	"signed_up_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"attended" boolean,
	"attendance_marked_at" timestamp with time zone,
	CONSTRAINT "event_sign_ups_cancelled_at" CHECK (("event_sign_ups"."state" = 'cancelled') = ("event_sign_ups"."cancelled_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"season_id" uuid NOT NULL,
	"type" "event_type" NOT NULL,
	"format" "event_format" NOT NULL,
	"title_fi" text NOT NULL,
	"title_sv" text DEFAULT '' NOT NULL,
	"title_en" text DEFAULT '' NOT NULL,
	"description_fi" text DEFAULT '' NOT NULL,
	"description_sv" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"venue_name" text DEFAULT '' NOT NULL,
	"venue_address" text DEFAULT '' NOT NULL,
	"online_url" text,
	"capacity_on_site" integer,
	"capacity_online" integer,
	"per_municipality_on_site" integer,
	"confirmed_on_site" integer DEFAULT 0 NOT NULL,
	"confirmed_online" integer DEFAULT 0 NOT NULL,
	"sign_up_opens_at" timestamp with time zone,
	"sign_up_closes_at" timestamp with time zone,
	"cancellation_deadline" timestamp with time zone,
	"sequence" integer DEFAULT 0 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancellation_reason" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_period" CHECK ("events"."starts_at" < "events"."ends_at"),
	CONSTRAINT "events_capacities_positive" CHECK (coalesce("events"."capacity_on_site", 1) > 0 and coalesce("events"."capacity_online", 1) > 0 and coalesce("events"."per_municipality_on_site", 1) > 0),
	CONSTRAINT "events_seats_within_capacity" CHECK ("events"."confirmed_on_site" >= 0 and "events"."confirmed_online" >= 0 and "events"."confirmed_on_site" <= coalesce("events"."capacity_on_site", "events"."confirmed_on_site") and "events"."confirmed_online" <= coalesce("events"."capacity_online", "events"."confirmed_online")),
	CONSTRAINT "events_sequence" CHECK ("events"."sequence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 8 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"done_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"last_error" text,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jobs_attempts" CHECK ("jobs"."attempts" >= 0 and "jobs"."max_attempts" > 0)
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "calendar" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "calendar_method" text;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_feedback" ADD CONSTRAINT "event_feedback_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_feedback" ADD CONSTRAINT "event_feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_focus_areas" ADD CONSTRAINT "event_focus_areas_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_focus_areas" ADD CONSTRAINT "event_focus_areas_focus_area_id_season_focus_areas_id_fk" FOREIGN KEY ("focus_area_id") REFERENCES "public"."season_focus_areas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_materials" ADD CONSTRAINT "event_materials_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_materials" ADD CONSTRAINT "event_materials_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sign_ups" ADD CONSTRAINT "event_sign_ups_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sign_ups" ADD CONSTRAINT "event_sign_ups_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sign_ups" ADD CONSTRAINT "event_sign_ups_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sign_ups" ADD CONSTRAINT "event_sign_ups_signed_up_by_users_id_fk" FOREIGN KEY ("signed_up_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_live" ON "calendar_feeds" USING btree ("user_id","kind",coalesce("network_id"::text, '')) WHERE "calendar_feeds"."revoked_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "event_feedback_event_user" ON "event_feedback" USING btree ("event_id","user_id");--> statement-breakpoint
CREATE INDEX "event_feedback_user" ON "event_feedback" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "event_focus_areas_focus_area" ON "event_focus_areas" USING btree ("focus_area_id");--> statement-breakpoint
CREATE INDEX "event_materials_file" ON "event_materials" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_sign_ups_active_person" ON "event_sign_ups" USING btree ("event_id","user_id") WHERE "event_sign_ups"."state" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "event_sign_ups_event_state" ON "event_sign_ups" USING btree ("event_id","state","mode","seq");--> statement-breakpoint
CREATE INDEX "event_sign_ups_event_municipality" ON "event_sign_ups" USING btree ("event_id","municipality_code");--> statement-breakpoint
CREATE INDEX "event_sign_ups_user" ON "event_sign_ups" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "event_sign_ups_municipality" ON "event_sign_ups" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "event_sign_ups_signed_up_by" ON "event_sign_ups" USING btree ("signed_up_by");--> statement-breakpoint
CREATE INDEX "events_season_starts" ON "events" USING btree ("season_id","starts_at");--> statement-breakpoint
CREATE INDEX "events_starts" ON "events" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_dedupe_pending" ON "jobs" USING btree ("dedupe_key") WHERE "jobs"."done_at" is null and "jobs"."failed_at" is null;--> statement-breakpoint
CREATE INDEX "jobs_due" ON "jobs" USING btree ("run_at","id") WHERE "jobs"."done_at" is null and "jobs"."failed_at" is null;--> statement-breakpoint
CREATE INDEX "jobs_failed" ON "jobs" USING btree ("failed_at") WHERE "jobs"."failed_at" is not null;