CREATE TABLE "billing_season_totals" (
	"network_id" uuid NOT NULL,
	"season_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"invoice_count" integer DEFAULT 0 NOT NULL,
	"invoiced_cents" integer DEFAULT 0 NOT NULL,
	"credit_note_count" integer DEFAULT 0 NOT NULL,
	"credited_cents" integer DEFAULT 0 NOT NULL,
	"paid_cents" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "billing_season_totals_network_id_season_id_year_pk" PRIMARY KEY("network_id","season_id","year")
);
--> statement-breakpoint
ALTER TABLE "invoices" DROP CONSTRAINT "invoices_sequence";--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "invoice_id" uuid;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "credited_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD COLUMN "credit_by_amount" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "credit_reason" text;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "mailed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "billing_season_totals" ADD CONSTRAINT "billing_season_totals_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_season_totals" ADD CONSTRAINT "billing_season_totals_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "billing_season_totals_season" ON "billing_season_totals" USING btree ("season_id");--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_invoice" ON "outbox" USING btree ("invoice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_sequence" ON "invoices" USING btree ("network_id",(extract(year from "issue_date")),"sequence");--> statement-breakpoint
CREATE INDEX "invoices_open" ON "invoices" USING btree ("network_id","municipality_code","due_date") WHERE "invoices"."document" = 'invoice' and "invoices"."paid_cents" + "invoices"."credited_cents" < "invoices"."gross_cents";--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_credit" CHECK (case when "invoice_lines"."credited_line_id" is null then "invoice_lines"."credited_cents" between 0 and "invoice_lines"."net_cents" and not "invoice_lines"."credit_by_amount" else "invoice_lines"."quantity_ten_thousandths" < 0 and "invoice_lines"."net_cents" <= 0 and "invoice_lines"."credited_cents" = 0 and (not "invoice_lines"."credit_by_amount" or "invoice_lines"."quantity_ten_thousandths" = -10000) end);--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_credited_within" CHECK (case when "invoices"."document" = 'invoice' then "invoices"."credited_cents" <= "invoices"."gross_cents" else "invoices"."credited_cents" = 0 and "invoices"."gross_cents" < 0 end);--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_credit_reason" CHECK (("invoices"."document" = 'credit_note') = ("invoices"."credit_reason" is not null) and ("invoices"."credit_reason" is null or length(trim("invoices"."credit_reason")) > 0));--> statement-breakpoint
-- The reports' totals per network, season and year (ADR 026), kept in the transaction that
-- writes an invoice: issuing adds it, a payment's allocation or a credit moves its paid cents.
-- Credit notes count as credited (a magnitude); paid is what was paid on invoices.
CREATE FUNCTION billing_season_totals_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		UPDATE billing_season_totals SET
			invoice_count = invoice_count - (OLD.document = 'invoice')::int,
			invoiced_cents = invoiced_cents - CASE WHEN OLD.document = 'invoice' THEN OLD.gross_cents ELSE 0 END,
			credit_note_count = credit_note_count - (OLD.document = 'credit_note')::int,
			credited_cents = credited_cents - CASE WHEN OLD.document = 'credit_note' THEN -OLD.gross_cents ELSE 0 END,
			paid_cents = paid_cents - CASE WHEN OLD.document = 'invoice' THEN OLD.paid_cents ELSE 0 END
		WHERE network_id = OLD.network_id AND season_id = OLD.season_id AND year = OLD.year;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		INSERT INTO billing_season_totals AS t
			(network_id, season_id, year, invoice_count, invoiced_cents, credit_note_count, credited_cents, paid_cents)
		VALUES (
			NEW.network_id, NEW.season_id, NEW.year,
			(NEW.document = 'invoice')::int,
			CASE WHEN NEW.document = 'invoice' THEN NEW.gross_cents ELSE 0 END,
			(NEW.document = 'credit_note')::int,
			CASE WHEN NEW.document = 'credit_note' THEN -NEW.gross_cents ELSE 0 END,
			CASE WHEN NEW.document = 'invoice' THEN NEW.paid_cents ELSE 0 END
		)
		ON CONFLICT (network_id, season_id, year) DO UPDATE SET
			invoice_count = t.invoice_count + EXCLUDED.invoice_count,
			invoiced_cents = t.invoiced_cents + EXCLUDED.invoiced_cents,
			credit_note_count = t.credit_note_count + EXCLUDED.credit_note_count,
			credited_cents = t.credited_cents + EXCLUDED.credited_cents,
			paid_cents = t.paid_cents + EXCLUDED.paid_cents;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER invoices_billing_season_totals
	AFTER INSERT OR DELETE OR UPDATE OF network_id, season_id, year, document, gross_cents, paid_cents ON invoices
	FOR EACH ROW EXECUTE FUNCTION billing_season_totals_keep();
--> statement-breakpoint
INSERT INTO billing_season_totals
	(network_id, season_id, year, invoice_count, invoiced_cents, credit_note_count, credited_cents, paid_cents)
SELECT network_id, season_id, year,
	count(*) FILTER (WHERE document = 'invoice'),
	coalesce(sum(gross_cents) FILTER (WHERE document = 'invoice'), 0),
	count(*) FILTER (WHERE document = 'credit_note'),
	coalesce(-sum(gross_cents) FILTER (WHERE document = 'credit_note'), 0),
	coalesce(sum(paid_cents) FILTER (WHERE document = 'invoice'), 0)
FROM invoices GROUP BY network_id, season_id, year;
