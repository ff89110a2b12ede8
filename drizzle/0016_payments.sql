CREATE TYPE "public"."payment_match" AS ENUM('exact', 'partly', 'over', 'unknown');--> statement-breakpoint
CREATE TABLE "bank_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"message_id" text NOT NULL,
	"sha256" text NOT NULL,
	"file_name" text DEFAULT '' NOT NULL,
	"account" text,
	"credits" integer NOT NULL,
	"duplicates" integer NOT NULL,
	"skipped_entries" integer DEFAULT 0 NOT NULL,
	"exact" integer DEFAULT 0 NOT NULL,
	"partly" integer DEFAULT 0 NOT NULL,
	"over" integer DEFAULT 0 NOT NULL,
	"unknown" integer DEFAULT 0 NOT NULL,
	"total_cents" integer DEFAULT 0 NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bank_files_hash" UNIQUE("network_id","sha256"),
	CONSTRAINT "bank_files_message" UNIQUE("network_id","message_id"),
	CONSTRAINT "bank_files_counts" CHECK ("bank_files"."credits" >= 0 and "bank_files"."duplicates" between 0 and "bank_files"."credits" and "bank_files"."exact" + "bank_files"."partly" + "bank_files"."over" + "bank_files"."unknown" + "bank_files"."duplicates" = "bank_files"."credits" and "bank_files"."total_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "payment_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"amount_cents" integer NOT NULL,
	"automatic" boolean NOT NULL,
	"allocated_by" uuid,
	"allocated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payment_allocations_amount" CHECK ("payment_allocations"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"bank_file_id" uuid NOT NULL,
	"entry_reference" text NOT NULL,
	"booking_date" date NOT NULL,
	"value_date" date NOT NULL,
	"amount_cents" integer NOT NULL,
	"reference_text" text,
	"reference" text,
	"payer_name" text,
	"match" "payment_match" NOT NULL,
	"allocated_cents" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_entry" UNIQUE("network_id","entry_reference"),
	CONSTRAINT "payments_amount" CHECK ("payments"."amount_cents" > 0),
	CONSTRAINT "payments_allocated" CHECK ("payments"."allocated_cents" >= 0 and "payments"."allocated_cents" <= "payments"."amount_cents")
);
--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bank_files" ADD CONSTRAINT "bank_files_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_files" ADD CONSTRAINT "bank_files_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_allocated_by_users_id_fk" FOREIGN KEY ("allocated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_bank_file_id_bank_files_id_fk" FOREIGN KEY ("bank_file_id") REFERENCES "public"."bank_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bank_files_network_imported" ON "bank_files" USING btree ("network_id","imported_at");--> statement-breakpoint
CREATE INDEX "bank_files_imported_by" ON "bank_files" USING btree ("imported_by");--> statement-breakpoint
CREATE INDEX "payment_allocations_payment" ON "payment_allocations" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_invoice" ON "payment_allocations" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_allocated_by" ON "payment_allocations" USING btree ("allocated_by");--> statement-breakpoint
CREATE INDEX "payments_network_booked" ON "payments" USING btree ("network_id","booking_date","id");--> statement-breakpoint
CREATE INDEX "payments_network_open" ON "payments" USING btree ("network_id","booking_date","id") WHERE "payments"."allocated_cents" < "payments"."amount_cents";--> statement-breakpoint
CREATE INDEX "payments_bank_file" ON "payments" USING btree ("bank_file_id");--> statement-breakpoint
CREATE INDEX "invoices_unsettled" ON "invoices" USING btree ("network_id","due_date") WHERE "invoices"."document" = 'invoice' and "invoices"."paid_cents" + "invoices"."credited_cents" < "invoices"."gross_cents";--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_paid_within" CHECK (case when "invoices"."document" = 'invoice' then "invoices"."paid_cents" <= "invoices"."gross_cents" else "invoices"."paid_cents" = 0 end);