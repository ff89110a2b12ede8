import { and, asc, eq, gt } from 'drizzle-orm';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { Db } from '../db';
import { invoiceRuns, invoices } from '../db/schema';
import { getInvoice } from './invoice-queries';
import { INVOICE_FILES, invoiceFile } from './invoice-file';
import { isUuid } from '$lib/domain/uuid';

/** Invoices read from the database at a time while the zip is written. */
const BATCH = 20;

/**
 * The invoices of a run as one zip: for each, its PDF, Finvoice and UBL (`lasku-N.pdf`,
 * `lasku-N-finvoice.xml`, `lasku-N-ubl.xml`), and `puuttuvat.txt` naming any e-invoice that
 * could not be made and why (a member without a buyer's reference, for instance). The zip is
 * written as it is read: a batch of invoice ids at a time, one invoice's files in memory at a
 * time, so the memory does not grow with the run. Null when the run is not one of the
 * coordinator's networks.
 */
export async function runInvoicesZip(
	db: Db,
	runId: string,
	networkIds: string[]
): Promise<{ stream: ReadableStream<Uint8Array>; filename: string } | null> {
	if (!isUuid(runId)) return null;
	const [run] = await db
		.select({ networkId: invoiceRuns.networkId, year: invoiceRuns.year })
		.from(invoiceRuns)
		.where(eq(invoiceRuns.id, runId));
	if (!run || !networkIds.includes(run.networkId)) return null;

	const chunks: Uint8Array[] = [];
	let failed: Error | null = null;
	let finished = false;
	const zip = new Zip((err, chunk, final) => {
		if (err) failed = err;
		else chunks.push(chunk);
		if (final) finished = true;
	});
	const missing: string[] = [];
	let after = 0;
	let ids: { id: string; sequence: number }[] = [];
	let ended = false;

	async function nextInvoice(): Promise<boolean> {
		if (ids.length === 0) {
			ids = await db
				.select({ id: invoices.id, sequence: invoices.sequence })
				.from(invoices)
				.where(and(eq(invoices.runId, runId), gt(invoices.sequence, after)))
				.orderBy(asc(invoices.sequence))
				.limit(BATCH);
			if (ids.length === 0) return false;
		}
		const { id, sequence } = ids.shift()!;
		after = sequence;
		const view = await getInvoice(db, id, { networkIds: [run!.networkId] });
		if (!view) return true;
		for (const kind of INVOICE_FILES) {
			const file = await invoiceFile(db, view, kind);
			if (!file.ok) {
				missing.push(`${view.invoice.number} ${kind}: ${file.problems.join(', ')}`);
				continue;
			}
			// a PDF is compressed already; XML shrinks well
			const entry =
				kind === 'pdf' ? new ZipPassThrough(file.filename) : new ZipDeflate(file.filename);
			zip.add(entry);
			entry.push(new Uint8Array(file.body), true);
		}
		return true;
	}

	const stream = new ReadableStream<Uint8Array>({
		async pull(controller) {
			try {
				while (chunks.length === 0 && !finished) {
					if (ended || !(await nextInvoice())) {
						if (!ended) {
							ended = true;
							if (missing.length > 0) {
								const list = new ZipDeflate('puuttuvat.txt');
								zip.add(list);
								list.push(new TextEncoder().encode(`${missing.join('\n')}\n`), true);
							}
							zip.end();
						}
					}
					if (failed) throw failed;
				}
				while (chunks.length > 0) controller.enqueue(chunks.shift()!);
				if (finished) controller.close();
			} catch (e) {
				controller.error(e);
			}
		}
	});
	return { stream, filename: `laskutusajo-${run.year}-${runId.slice(0, 8)}.zip` };
}
