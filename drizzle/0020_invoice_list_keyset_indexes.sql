DROP INDEX "invoices_season_number";--> statement-breakpoint
DROP INDEX "invoices_network_number";--> statement-breakpoint
DROP INDEX "invoices_unsettled";--> statement-breakpoint
CREATE INDEX "invoices_credits" ON "invoices" USING btree ("network_id","year","number") WHERE "invoices"."document" = 'credit_note' or "invoices"."credited_cents" > 0;--> statement-breakpoint
CREATE INDEX "invoices_season_number" ON "invoices" USING btree ("season_id","year","number");--> statement-breakpoint
CREATE INDEX "invoices_network_number" ON "invoices" USING btree ("network_id","year","number");--> statement-breakpoint
CREATE INDEX "invoices_unsettled" ON "invoices" USING btree ("network_id","year","number") WHERE "invoices"."document" = 'invoice' and "invoices"."paid_cents" + "invoices"."credited_cents" < "invoices"."gross_cents";