CREATE TYPE "public"."invoice_delivery" AS ENUM('e_invoice', 'email');--> statement-breakpoint
CREATE TYPE "public"."invoice_document" AS ENUM('invoice', 'credit_note');--> statement-breakpoint
CREATE TYPE "public"."invoice_kind" AS ENUM('fee', 'travel', 'extra');--> statement-breakpoint
CREATE TYPE "public"."invoice_language" AS ENUM('fi', 'sv');--> statement-breakpoint
CREATE TYPE "public"."invoice_run_member_state" AS ENUM('pending', 'billed', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."invoice_run_state" AS ENUM('queued', 'running', 'done');--> statement-breakpoint
CREATE TYPE "public"."penalty_interest_basis" AS ENUM('interest_act_4', 'interest_act_4a', 'fixed');--> statement-breakpoint
CREATE TYPE "public"."vat_category" AS ENUM('S', 'Z', 'E', 'AE', 'O');--> statement-breakpoint
CREATE TABLE "invoice_counters" (
	"network_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"last_sequence" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "invoice_counters_network_id_year_pk" PRIMARY KEY("network_id","year"),
	CONSTRAINT "invoice_counters_sequence" CHECK ("invoice_counters"."last_sequence" between 0 and 999999)
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"description" text NOT NULL,
	"quantity_ten_thousandths" integer NOT NULL,
	"unit_code" text DEFAULT 'C62' NOT NULL,
	"unit_price_cents" integer NOT NULL,
	"vat_category" "vat_category" NOT NULL,
	"vat_basis_points" integer,
	"exemption_reason" text,
	"net_cents" integer NOT NULL,
	"period_start" date,
	"period_end" date,
	"credited_line_id" uuid,
	"workshop_id" uuid,
	CONSTRAINT "invoice_lines_position" UNIQUE("invoice_id","position"),
	CONSTRAINT "invoice_lines_price" CHECK ("invoice_lines"."unit_price_cents" >= 0),
	CONSTRAINT "invoice_lines_vat" CHECK (case "invoice_lines"."vat_category" when 'S' then "invoice_lines"."vat_basis_points" between 1 and 10000 when 'O' then "invoice_lines"."vat_basis_points" is null else "invoice_lines"."vat_basis_points" = 0 end),
	CONSTRAINT "invoice_lines_period" CHECK (("invoice_lines"."period_start" is null) = ("invoice_lines"."period_end" is null) and ("invoice_lines"."period_start" is null or "invoice_lines"."period_start" <= "invoice_lines"."period_end"))
);
--> statement-breakpoint
CREATE TABLE "invoice_run_members" (
	"run_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"state" "invoice_run_member_state" DEFAULT 'pending' NOT NULL,
	"reason" text,
	"invoices" integer DEFAULT 0 NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "invoice_run_members_run_id_membership_id_pk" PRIMARY KEY("run_id","membership_id"),
	CONSTRAINT "invoice_run_members_reason" CHECK (("invoice_run_members"."state" = 'skipped') = ("invoice_run_members"."reason" is not null) and ("invoice_run_members"."state" = 'pending') = ("invoice_run_members"."finished_at" is null))
);
--> statement-breakpoint
CREATE TABLE "invoice_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"season_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"invoice_date" date NOT NULL,
	"kinds" "invoice_kind"[] NOT NULL,
	"state" "invoice_run_state" DEFAULT 'queued' NOT NULL,
	"members_total" integer DEFAULT 0 NOT NULL,
	"members_billed" integer DEFAULT 0 NOT NULL,
	"members_skipped" integer DEFAULT 0 NOT NULL,
	"invoices_created" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "invoice_runs_year" CHECK ("invoice_runs"."year" between 2000 and 9999),
	CONSTRAINT "invoice_runs_kinds" CHECK (cardinality("invoice_runs"."kinds") > 0),
	CONSTRAINT "invoice_runs_counts" CHECK ("invoice_runs"."members_billed" >= 0 and "invoice_runs"."members_skipped" >= 0 and "invoice_runs"."invoices_created" >= 0 and "invoice_runs"."members_billed" + "invoice_runs"."members_skipped" <= "invoice_runs"."members_total"),
	CONSTRAINT "invoice_runs_done" CHECK (("invoice_runs"."state" = 'done') = ("invoice_runs"."finished_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"season_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"year" smallint NOT NULL,
	"kind" "invoice_kind" NOT NULL,
	"document" "invoice_document" DEFAULT 'invoice' NOT NULL,
	"credited_invoice_id" uuid,
	"run_id" uuid,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"issue_date" date NOT NULL,
	"due_date" date NOT NULL,
	"reference" text NOT NULL,
	"rf_reference" text NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"language" "invoice_language" NOT NULL,
	"delivery" "invoice_delivery" NOT NULL,
	"buyer_reference" text DEFAULT '' NOT NULL,
	"seller" jsonb NOT NULL,
	"buyer" jsonb NOT NULL,
	"net_cents" integer NOT NULL,
	"vat_cents" integer NOT NULL,
	"gross_cents" integer NOT NULL,
	"vat_breakdown" jsonb NOT NULL,
	"paid_cents" integer DEFAULT 0 NOT NULL,
	"credited_cents" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_number" UNIQUE("network_id","number"),
	CONSTRAINT "invoices_sequence" UNIQUE("network_id","year","sequence"),
	CONSTRAINT "invoices_sequence_range" CHECK ("invoices"."sequence" between 1 and 999999),
	CONSTRAINT "invoices_year" CHECK ("invoices"."year" between 2000 and 9999),
	CONSTRAINT "invoices_due" CHECK ("invoices"."due_date" >= "invoices"."issue_date"),
	CONSTRAINT "invoices_credit" CHECK (("invoices"."document" = 'credit_note') = ("invoices"."credited_invoice_id" is not null)),
	CONSTRAINT "invoices_totals" CHECK ("invoices"."gross_cents" = "invoices"."net_cents" + "invoices"."vat_cents" and case when "invoices"."document" = 'invoice' then "invoices"."net_cents" >= 0 and "invoices"."vat_cents" >= 0 else "invoices"."net_cents" <= 0 and "invoices"."vat_cents" <= 0 end),
	CONSTRAINT "invoices_settled" CHECK ("invoices"."paid_cents" >= 0 and "invoices"."credited_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "member_billing_details" (
	"municipality_code" text PRIMARY KEY NOT NULL,
	"billing_name" text NOT NULL,
	"business_id" text NOT NULL,
	"street_address" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"e_invoice_address" text,
	"e_invoice_operator" text,
	"buyer_reference" text DEFAULT '' NOT NULL,
	"delivery" "invoice_delivery" DEFAULT 'e_invoice' NOT NULL,
	"invoice_email" text,
	"language" "invoice_language" DEFAULT 'fi' NOT NULL,
	"checked_by" uuid,
	"checked_at" timestamp with time zone,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_billing_e_invoice" CHECK (("member_billing_details"."e_invoice_address" is null) = ("member_billing_details"."e_invoice_operator" is null)),
	CONSTRAINT "member_billing_delivery" CHECK (case when "member_billing_details"."delivery" = 'e_invoice' then "member_billing_details"."e_invoice_address" is not null else "member_billing_details"."invoice_email" is not null end)
);
--> statement-breakpoint
CREATE TABLE "network_billing_details" (
	"network_id" uuid PRIMARY KEY NOT NULL,
	"seller_name" text NOT NULL,
	"business_id" text NOT NULL,
	"vat_number" text NOT NULL,
	"street_address" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"iban" text NOT NULL,
	"bic" text NOT NULL,
	"payment_terms_days" smallint DEFAULT 14 NOT NULL,
	"penalty_interest_basis" "penalty_interest_basis" DEFAULT 'interest_act_4' NOT NULL,
	"penalty_interest_basis_points" integer,
	"e_invoice_address" text,
	"e_invoice_operator" text,
	"extra_workshop_fee_cents" integer,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_billing_terms" CHECK ("network_billing_details"."payment_terms_days" between 0 and 365),
	CONSTRAINT "network_billing_penalty" CHECK (("network_billing_details"."penalty_interest_basis" = 'fixed') = ("network_billing_details"."penalty_interest_basis_points" is not null) and ("network_billing_details"."penalty_interest_basis_points" is null or "network_billing_details"."penalty_interest_basis_points" between 0 and 10000)),
	CONSTRAINT "network_billing_e_invoice" CHECK (("network_billing_details"."e_invoice_address" is null) = ("network_billing_details"."e_invoice_operator" is null)),
	CONSTRAINT "network_billing_extra_fee" CHECK ("network_billing_details"."extra_workshop_fee_cents" is null or "network_billing_details"."extra_workshop_fee_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "vat_rates" (
	"valid_from" date PRIMARY KEY NOT NULL,
	"basis_points" integer NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	CONSTRAINT "vat_rates_range" CHECK ("vat_rates"."basis_points" between 0 and 10000)
);
--> statement-breakpoint
ALTER TABLE "journey_shares" ADD COLUMN "invoice_line_id" uuid;--> statement-breakpoint
ALTER TABLE "invoice_counters" ADD CONSTRAINT "invoice_counters_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_credited_line_id_invoice_lines_id_fk" FOREIGN KEY ("credited_line_id") REFERENCES "public"."invoice_lines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_workshop_id_workshops_id_fk" FOREIGN KEY ("workshop_id") REFERENCES "public"."workshops"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_run_members" ADD CONSTRAINT "invoice_run_members_run_id_invoice_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."invoice_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_run_members" ADD CONSTRAINT "invoice_run_members_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_runs" ADD CONSTRAINT "invoice_runs_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_runs" ADD CONSTRAINT "invoice_runs_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_runs" ADD CONSTRAINT "invoice_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_credited_invoice_id_invoices_id_fk" FOREIGN KEY ("credited_invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_run_id_invoice_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."invoice_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_billing_details" ADD CONSTRAINT "member_billing_details_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_billing_details" ADD CONSTRAINT "member_billing_details_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_billing_details" ADD CONSTRAINT "member_billing_details_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_billing_details" ADD CONSTRAINT "network_billing_details_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_billing_details" ADD CONSTRAINT "network_billing_details_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_lines_workshop_once" ON "invoice_lines" USING btree ("workshop_id") WHERE "invoice_lines"."workshop_id" is not null and "invoice_lines"."credited_line_id" is null;--> statement-breakpoint
CREATE INDEX "invoice_lines_credited" ON "invoice_lines" USING btree ("credited_line_id");--> statement-breakpoint
CREATE INDEX "invoice_run_members_state" ON "invoice_run_members" USING btree ("run_id","state","membership_id");--> statement-breakpoint
CREATE INDEX "invoice_run_members_membership" ON "invoice_run_members" USING btree ("membership_id");--> statement-breakpoint
CREATE INDEX "invoice_runs_network_created" ON "invoice_runs" USING btree ("network_id","created_at");--> statement-breakpoint
CREATE INDEX "invoice_runs_season" ON "invoice_runs" USING btree ("season_id");--> statement-breakpoint
CREATE INDEX "invoice_runs_created_by" ON "invoice_runs" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_fee_once" ON "invoices" USING btree ("membership_id","year","kind") WHERE "invoices"."document" = 'invoice' and "invoices"."kind" = 'fee';--> statement-breakpoint
CREATE INDEX "invoices_season_number" ON "invoices" USING btree ("season_id","year","sequence");--> statement-breakpoint
CREATE INDEX "invoices_network_number" ON "invoices" USING btree ("network_id","year","sequence");--> statement-breakpoint
CREATE INDEX "invoices_municipality" ON "invoices" USING btree ("municipality_code","issue_date");--> statement-breakpoint
CREATE INDEX "invoices_reference" ON "invoices" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "invoices_credited" ON "invoices" USING btree ("credited_invoice_id");--> statement-breakpoint
CREATE INDEX "invoices_run" ON "invoices" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "invoices_membership" ON "invoices" USING btree ("membership_id","kind");--> statement-breakpoint
CREATE INDEX "invoices_created_by" ON "invoices" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "member_billing_updated_by" ON "member_billing_details" USING btree ("updated_by");--> statement-breakpoint
CREATE INDEX "member_billing_checked_by" ON "member_billing_details" USING btree ("checked_by");--> statement-breakpoint
CREATE INDEX "network_billing_updated_by" ON "network_billing_details" USING btree ("updated_by");--> statement-breakpoint
ALTER TABLE "journey_shares" ADD CONSTRAINT "journey_shares_invoice_line_id_invoice_lines_id_fk" FOREIGN KEY ("invoice_line_id") REFERENCES "public"."invoice_lines"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journey_shares_not_invoiced" ON "journey_shares" USING btree ("municipality_code") WHERE "journey_shares"."invoice_line_id" is null and "journey_shares"."net_cents" is not null;--> statement-breakpoint
CREATE INDEX "journey_shares_invoice_line" ON "journey_shares" USING btree ("invoice_line_id");--> statement-breakpoint
ALTER TABLE "journey_shares" ADD CONSTRAINT "journey_shares_invoiced_approved" CHECK ("journey_shares"."invoice_line_id" is null or "journey_shares"."net_cents" is not null);