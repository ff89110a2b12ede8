/**
 * A child process for the invoice run's crash test (src/lib/server/billing/invoice-run.test.ts):
 * on the PostgreSQL database at argv[2] it bills the run argv[3]'s members up to argv[4], then
 * bills the next one inside a transaction, says "in-transaction" on stdout and waits there for
 * its `kill -9`. The parent then finishes the run and checks nothing was lost or doubled.
 */
import { and, asc, eq } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db/client';
import { invoiceRunMembers, invoiceRuns } from '../../src/lib/server/db/schema';
import { billRunMember, continueInvoiceRun } from '../../src/lib/server/billing/run-invoice-run';

const [url, runId, stopAfter] = process.argv.slice(2);
const database = await openDatabase({ kind: 'postgres', url: url!, poolSize: 2 });
const { db } = database;
await continueInvoiceRun(db, runId!, { stopAfter: Number(stopAfter) });
const [run] = await db.select().from(invoiceRuns).where(eq(invoiceRuns.id, runId!));
const [next] = await db
	.select()
	.from(invoiceRunMembers)
	.where(and(eq(invoiceRunMembers.runId, runId!), eq(invoiceRunMembers.state, 'pending')))
	.orderBy(asc(invoiceRunMembers.position))
	.limit(1);
await db.transaction(async (tx) => {
	await billRunMember(tx, run!, next!.membershipId, 'USO 7');
	process.stdout.write('in-transaction\n');
	await new Promise(() => {});
});
