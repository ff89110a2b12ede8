CREATE TYPE "public"."locale" AS ENUM('fi', 'sv', 'en');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('coordinator', 'expert', 'contact_person', 'participant');--> statement-breakpoint
CREATE TYPE "public"."token_purpose" AS ENUM('sign_in', 'password_reset');--> statement-breakpoint
CREATE TYPE "public"."mail_status" AS ENUM('kept', 'sent', 'failed');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "auth_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" "token_purpose" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"network_id" uuid,
	"municipality_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_assignments_scope" CHECK (("role_assignments"."role" in ('coordinator','expert') and "role_assignments"."network_id" is not null) or ("role_assignments"."role" in ('contact_person','participant') and "role_assignments"."municipality_code" is not null))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"locale" "locale" DEFAULT 'fi' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"status" "mail_status" NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"short_name" text NOT NULL,
	"name_fi" text NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"description_fi" text DEFAULT '' NOT NULL,
	"description_sv" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "networks_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"code" text PRIMARY KEY NOT NULL,
	"name_fi" text NOT NULL,
	"name_sv" text NOT NULL,
	"name_en" text NOT NULL,
	"region_code" text NOT NULL,
	"region_fi" text NOT NULL,
	"region_sv" text NOT NULL,
	"wellbeing_county_code" text NOT NULL,
	"wellbeing_county_fi" text NOT NULL,
	"wellbeing_county_sv" text NOT NULL,
	"subregion_code" text NOT NULL,
	"subregion_fi" text NOT NULL,
	"employment_area_code" text NOT NULL,
	"employment_area_fi" text NOT NULL,
	"language_status" smallint NOT NULL,
	"municipality_group" smallint NOT NULL,
	"population" integer,
	"population_date" date,
	"size_class" smallint,
	"search_key" text NOT NULL,
	"abolished_on" date,
	"merged_into" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipality_code_format" CHECK ("municipalities"."code" ~ '^[0-9]{3}$'),
	CONSTRAINT "municipality_size_class_range" CHECK ("municipalities"."size_class" between 1 and 10),
	CONSTRAINT "municipality_current_has_population" CHECK ("municipalities"."abolished_on" is not null or ("municipalities"."population" is not null and "municipalities"."size_class" is not null and "municipalities"."population_date" is not null)),
	CONSTRAINT "municipality_language_status_range" CHECK ("municipalities"."language_status" between 0 and 3)
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_tokens" ADD CONSTRAINT "auth_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipalities" ADD CONSTRAINT "municipalities_merged_into_municipalities_code_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."municipalities"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity" ON "audit_log" USING btree ("entity_type","entity_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_actor" ON "audit_log" USING btree ("actor_label","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_action" ON "audit_log" USING btree ("action","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "auth_attempts_key_at" ON "auth_attempts" USING btree ("key","at");--> statement-breakpoint
CREATE INDEX "auth_tokens_user" ON "auth_tokens" USING btree ("user_id","purpose");--> statement-breakpoint
CREATE INDEX "role_assignments_user" ON "role_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "role_assignments_unique" ON "role_assignments" USING btree ("user_id","role",coalesce("network_id"::text, ''),coalesce("municipality_code", ''));--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "municipalities_search_key_trgm" ON "municipalities" USING gin ("search_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "municipalities_current_name" ON "municipalities" USING btree ("name_fi") WHERE "municipalities"."abolished_on" is null;--> statement-breakpoint
CREATE INDEX "municipalities_region" ON "municipalities" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "municipalities_wellbeing_county" ON "municipalities" USING btree ("wellbeing_county_code");--> statement-breakpoint
CREATE INDEX "municipalities_employment_area" ON "municipalities" USING btree ("employment_area_code");--> statement-breakpoint
CREATE INDEX "municipalities_size_class" ON "municipalities" USING btree ("size_class");--> statement-breakpoint
CREATE INDEX "municipalities_population" ON "municipalities" USING btree ("population");