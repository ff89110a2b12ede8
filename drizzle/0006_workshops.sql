CREATE TYPE "public"."workshop_cancellation" AS ENUM('municipality_in_time', 'municipality_late', 'network');--> statement-breakpoint
CREATE TYPE "public"."workshop_format" AS ENUM('on_site', 'online');--> statement-breakpoint
CREATE TYPE "public"."workshop_state" AS ENUM('proposed', 'agreed', 'held', 'cancelled');--> statement-breakpoint
CREATE TABLE "workshop_experts" (
	"workshop_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_experts_workshop_id_user_id_pk" PRIMARY KEY("workshop_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "workshop_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workshop_id" uuid NOT NULL,
	"user_id" uuid,
	"scores" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workshop_materials" (
	"workshop_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_materials_workshop_id_file_id_pk" PRIMARY KEY("workshop_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "workshop_participants" (
	"workshop_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"attended" boolean,
	"attendance_marked_at" timestamp with time zone,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshop_participants_workshop_id_user_id_pk" PRIMARY KEY("workshop_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "workshops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"membership_id" uuid NOT NULL,
	"focus_area_id" uuid,
	"need" text NOT NULL,
	"goal" text NOT NULL,
	"strategy_link" text DEFAULT '' NOT NULL,
	"preferred_dates" text DEFAULT '' NOT NULL,
	"format" "workshop_format" NOT NULL,
	"state" "workshop_state" DEFAULT 'proposed' NOT NULL,
	"extra" boolean DEFAULT false NOT NULL,
	"extra_approved_by" uuid,
	"extra_approved_at" timestamp with time zone,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"place" text DEFAULT '' NOT NULL,
	"online_url" text,
	"held_at" timestamp with time zone,
	"cancellation" "workshop_cancellation",
	"cancellation_reason" text DEFAULT '' NOT NULL,
	"cancelled_by" uuid,
	"cancelled_at" timestamp with time zone,
	"notes" text DEFAULT '' NOT NULL,
	"outcomes" text DEFAULT '' NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"proposed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workshops_period" CHECK ("workshops"."starts_at" is null or "workshops"."ends_at" is null or "workshops"."starts_at" < "workshops"."ends_at"),
	CONSTRAINT "workshops_scheduled" CHECK ("workshops"."state" not in ('agreed', 'held') or ("workshops"."starts_at" is not null and "workshops"."ends_at" is not null)),
	CONSTRAINT "workshops_held" CHECK (("workshops"."state" = 'held') = ("workshops"."held_at" is not null)),
	CONSTRAINT "workshops_cancelled" CHECK (("workshops"."state" = 'cancelled') = ("workshops"."cancellation" is not null) and ("workshops"."state" = 'cancelled') = ("workshops"."cancelled_at" is not null)),
	CONSTRAINT "workshops_extra_approved" CHECK (("workshops"."extra_approved_at" is null or "workshops"."extra") and not ("workshops"."extra" and "workshops"."state" in ('agreed', 'held') and "workshops"."extra_approved_at" is null)),
	CONSTRAINT "workshops_sequence" CHECK ("workshops"."sequence" >= 0)
);
--> statement-breakpoint
ALTER TABLE "workshop_experts" ADD CONSTRAINT "workshop_experts_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_experts" ADD CONSTRAINT "workshop_experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_feedback" ADD CONSTRAINT "workshop_feedback_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_feedback" ADD CONSTRAINT "workshop_feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_materials" ADD CONSTRAINT "workshop_materials_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_materials" ADD CONSTRAINT "workshop_materials_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_participants" ADD CONSTRAINT "workshop_participants_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshop_participants" ADD CONSTRAINT "workshop_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_focus_area_id_season_focus_areas_id_fk" FOREIGN KEY ("focus_area_id") REFERENCES "public"."season_focus_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_extra_approved_by_users_id_fk" FOREIGN KEY ("extra_approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workshop_experts_user" ON "workshop_experts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workshop_feedback_workshop_user" ON "workshop_feedback" USING btree ("workshop_id","user_id");--> statement-breakpoint
CREATE INDEX "workshop_feedback_user" ON "workshop_feedback" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "workshop_materials_file" ON "workshop_materials" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "workshop_participants_user" ON "workshop_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "workshops_membership_state" ON "workshops" USING btree ("membership_id","state");--> statement-breakpoint
CREATE INDEX "workshops_focus_area" ON "workshops" USING btree ("focus_area_id");--> statement-breakpoint
CREATE INDEX "workshops_proposed_by" ON "workshops" USING btree ("proposed_by");