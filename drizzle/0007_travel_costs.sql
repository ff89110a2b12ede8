CREATE TYPE "public"."cost_kind" AS ENUM('own_car', 'train', 'bus', 'flight', 'taxi', 'hotel', 'other');--> statement-breakpoint
CREATE TYPE "public"."journey_state" AS ENUM('draft', 'submitted', 'returned', 'approved');--> statement-breakpoint
CREATE TABLE "journey_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"kind" "cost_kind" NOT NULL,
	"day" date NOT NULL,
	"distance_tenths" integer,
	"gross_cents" integer,
	"vat_cents" integer,
	"vat_basis_points" integer,
	"description" text DEFAULT '' NOT NULL,
	"receipt_file_id" uuid,
	"approved_gross_cents" integer,
	"approved_vat_cents" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_lines_amounts" CHECK (case when "journey_lines"."kind" = 'own_car' then "journey_lines"."distance_tenths" is not null and "journey_lines"."distance_tenths" > 0 and "journey_lines"."gross_cents" is null and "journey_lines"."vat_cents" is null else "journey_lines"."distance_tenths" is null and "journey_lines"."gross_cents" is not null and "journey_lines"."vat_cents" is not null and "journey_lines"."gross_cents" > 0 and "journey_lines"."vat_cents" between 0 and "journey_lines"."gross_cents" end),
	CONSTRAINT "journey_lines_approved" CHECK (("journey_lines"."approved_gross_cents" is null) = ("journey_lines"."approved_vat_cents" is null) and ("journey_lines"."approved_vat_cents" is null or ("journey_lines"."approved_vat_cents" >= 0 and "journey_lines"."approved_vat_cents" <= "journey_lines"."approved_gross_cents")))
);
--> statement-breakpoint
CREATE TABLE "journey_shares" (
	"journey_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"weight" integer NOT NULL,
	"gross_cents" integer,
	"vat_cents" integer,
	"net_cents" integer,
	CONSTRAINT "journey_shares_journey_id_municipality_code_pk" PRIMARY KEY("journey_id","municipality_code"),
	CONSTRAINT "journey_shares_weight" CHECK ("journey_shares"."weight" >= 1),
	CONSTRAINT "journey_shares_parts" CHECK (("journey_shares"."gross_cents" is null) = ("journey_shares"."net_cents" is null) and ("journey_shares"."net_cents" is null) = ("journey_shares"."vat_cents" is null) and ("journey_shares"."gross_cents" is null or "journey_shares"."gross_cents" = "journey_shares"."net_cents" + "journey_shares"."vat_cents"))
);
--> statement-breakpoint
CREATE TABLE "journey_workshops" (
	"journey_id" uuid NOT NULL,
	"workshop_id" uuid NOT NULL,
	CONSTRAINT "journey_workshops_journey_id_workshop_id_pk" PRIMARY KEY("journey_id","workshop_id")
);
--> statement-breakpoint
CREATE TABLE "journeys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL,
	"state" "journey_state" DEFAULT 'draft' NOT NULL,
	"from_place" text NOT NULL,
	"to_place" text NOT NULL,
	"return_reason" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"gross_cents" integer,
	"vat_cents" integer,
	"net_cents" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journeys_approved_totals" CHECK (("journeys"."state" = 'approved') = ("journeys"."gross_cents" is not null and "journeys"."vat_cents" is not null and "journeys"."net_cents" is not null) and ("journeys"."gross_cents" is null or ("journeys"."vat_cents" >= 0 and "journeys"."net_cents" >= 0 and "journeys"."gross_cents" = "journeys"."net_cents" + "journeys"."vat_cents"))),
	CONSTRAINT "journeys_returned_reason" CHECK ("journeys"."state" <> 'returned' or "journeys"."return_reason" <> '')
);
--> statement-breakpoint
CREATE TABLE "kilometre_rates" (
	"valid_from" date PRIMARY KEY NOT NULL,
	"cents_per_km" integer NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	CONSTRAINT "kilometre_rates_positive" CHECK ("kilometre_rates"."cents_per_km" > 0)
);
--> statement-breakpoint
ALTER TABLE "journey_lines" ADD CONSTRAINT "journey_lines_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_lines" ADD CONSTRAINT "journey_lines_receipt_file_id_files_id_fk" FOREIGN KEY ("receipt_file_id") REFERENCES "public"."files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_shares" ADD CONSTRAINT "journey_shares_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_shares" ADD CONSTRAINT "journey_shares_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_workshops" ADD CONSTRAINT "journey_workshops_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journey_workshops" ADD CONSTRAINT "journey_workshops_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journey_lines_journey" ON "journey_lines" USING btree ("journey_id","position");--> statement-breakpoint
CREATE INDEX "journey_lines_receipt" ON "journey_lines" USING btree ("receipt_file_id");--> statement-breakpoint
CREATE INDEX "journey_shares_municipality" ON "journey_shares" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "journey_workshops_workshop" ON "journey_workshops" USING btree ("workshop_id");--> statement-breakpoint
CREATE INDEX "journeys_expert_state" ON "journeys" USING btree ("expert_id","state");--> statement-breakpoint
CREATE INDEX "journeys_submitted" ON "journeys" USING btree ("submitted_at") WHERE "journeys"."state" = 'submitted';--> statement-breakpoint
CREATE INDEX "journeys_reviewed_by" ON "journeys" USING btree ("reviewed_by");