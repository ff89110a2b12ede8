import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isDay } from '$lib/domain/billing/invoice-document';
import { parsePaymentReference, type PaymentReference } from '$lib/domain/billing/reference-number';
import { helsinkiDate } from '$lib/domain/helsinki-time';

/**
 * The credits of a bank's ISO 20022 camt.054 file (BankToCustomerDebitCreditNotification),
 * the notification Finnish banks send of incoming reference payments (Finance Finland,
 * "ISO 20022 -sanomat: saapuvat viitemaksut / Incoming reference payments", camt.054). Read
 * for versions 001.02 to 001.13: the parts Verkosto needs have moved between versions, and
 * each place is tried:
 *
 * - status: `Sts` as text (001.02–001.04) or `Sts/Cd` (001.05 on);
 * - a transaction's amount: `TxDtls/Amt` (001.03 on) or `TxDtls/AmtDtls/TxAmt/Amt` (001.02);
 * - the debtor: `RltdPties/Dbtr/Nm` (to 001.07) or `RltdPties/Dbtr/Pty/Nm` (001.08 on);
 * - dates: `BookgDt` and `ValDt` as `Dt` or `DtTm` (a time is taken as its day in Helsinki).
 *
 * Each transaction of an entry (`Ntry/NtryDtls/TxDtls`, one for each payment of a batch) is a
 * credit; an entry without details is one credit. Only booked credits count (`CdtDbtInd`
 * CRDT, status BOOK, not a reversal). The reference is `RmtInf/Strd/CdtrRefInf/Ref`, national
 * or RF, in its normal form; one that is missing or invalid is kept as text for the
 * coordinator to allocate by hand.
 *
 * Nothing here throws on bad input: a damaged file, a file that is not camt.054, or a credit
 * in another currency than euro gives a typed error and no credits at all, so a half-read file
 * is never imported.
 */

export type CamtVersion = `001.${string}`;

export interface CamtCredit {
	/** The reference in normal form, or null when missing or invalid. */
	reference: PaymentReference | null;
	/** The reference as the bank sent it, or null when none was sent. */
	referenceText: string | null;
	amountCents: number;
	currency: 'EUR';
	/** yyyy-mm-dd */
	bookingDate: string;
	/** yyyy-mm-dd; the booking date when the bank gave none. */
	valueDate: string;
	debtorName: string | null;
	/**
	 * The bank's reference of the payment (archive ID, `AcctSvcrRef`), unique within the bank:
	 * a payment imported twice is recognised by it. A transaction without its own takes its
	 * entry's, with its position in the entry.
	 */
	entryReference: string;
}

export interface CamtNotification {
	version: CamtVersion;
	messageId: string;
	/** The account the notification is of, IBAN, when given. */
	account: string | null;
	credits: CamtCredit[];
	/** Entries left out: debits, reversals, and entries not booked yet. */
	skippedEntries: number;
}

export type CamtError =
	| { kind: 'too_large'; maxBytes: number }
	/** Not text in UTF-8, not well-formed XML, or a part the standard requires is missing. */
	| { kind: 'damaged'; detail: string }
	/** Well-formed, but not a BankToCustomerDebitCreditNotification. */
	| { kind: 'not_camt054'; found: string }
	| { kind: 'unsupported_version'; version: string }
	| { kind: 'foreign_currency'; currency: string; entryReference: string };

export type CamtResult = { ok: true; value: CamtNotification } | { ok: false; error: CamtError };

/** Banks' daily notifications are far smaller; this only stops a file that is not one. */
export const CAMT_MAX_BYTES = 20 * 1024 * 1024;

const NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:camt\.054\.(001\.\d{2})$/;
const SUPPORTED = /^001\.(0[2-9]|1[0-3])$/;

type Node = Record<string, unknown>;

/** A parse failure inside the reader, turned into a `damaged` error at the top. */
class Damaged extends Error {}

const REPEATED = new Set(['Ntfctn', 'Ntry', 'NtryDtls', 'TxDtls', 'Strd', 'CdtrRefInf']);

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	// Prefixed documents (<ns2:Document>) read like unprefixed ones; the declarations stay.
	transformTagName: (name) => name.replace(/^[^:]*:/, ''),
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	processEntities: true,
	htmlEntities: false,
	isArray: (name) => REPEATED.has(name)
});

function asNode(value: unknown): Node | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Node)
		: undefined;
}

function child(node: unknown, ...path: string[]): unknown {
	let current: unknown = node;
	for (const name of path) {
		const n = asNode(current);
		if (!n) return undefined;
		current = n[name];
	}
	return current;
}

function list(value: unknown): Node[] {
	return Array.isArray(value) ? value.filter((v): v is Node => asNode(v) !== undefined) : [];
}

/** The text of an element, with or without attributes; undefined when absent or empty. */
function text(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
	const n = asNode(value);
	return n ? text(n['#text']) : undefined;
}

function required(value: unknown, what: string): string {
	const t = text(value);
	if (t === undefined) throw new Damaged(`${what} missing`);
	return t;
}

/** "1234.5" → 123450; refuses more than two decimals, signs and exponents. */
function cents(amount: string, what: string): number {
	const m = /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(amount);
	if (!m) throw new Damaged(`${what} is not an amount: ${amount}`);
	return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A `Dt` day, or a `DtTm` instant as its day in Helsinki (its own day if no zone is given). */
function day(value: unknown, what: string): string | undefined {
	const dt = text(child(value, 'Dt'));
	if (dt !== undefined) {
		if (!isDay(dt)) throw new Damaged(`${what} is not a date: ${dt}`);
		return dt;
	}
	const dtTm = text(child(value, 'DtTm'));
	if (dtTm === undefined) return undefined;
	const hasZone = /(?:Z|[+-]\d{2}:\d{2})$/.test(dtTm);
	const instant = new Date(dtTm);
	const result =
		hasZone && !Number.isNaN(instant.getTime()) ? helsinkiDate(instant) : dtTm.slice(0, 10);
	if (!isDay(result)) throw new Damaged(`${what} is not a date-time: ${dtTm}`);
	return result;
}

function status(entry: Node): string | undefined {
	const sts = entry['Sts'];
	return text(sts) ?? text(child(sts, 'Cd')) ?? text(child(sts, 'Prtry'));
}

function amountOf(node: unknown, what: string): { cents: number; currency: string } {
	const amt = asNode(node);
	const value = required(amt, what);
	const currency = text(amt?.['@_Ccy']);
	if (!currency) throw new Damaged(`${what} has no currency`);
	return { cents: cents(value, what), currency };
}

function reference(tx: Node | undefined): { text: string | null; parsed: PaymentReference | null } {
	for (const strd of list(child(tx, 'RmtInf', 'Strd'))) {
		for (const info of list(strd['CdtrRefInf'])) {
			const ref = text(info['Ref']);
			if (ref !== undefined) {
				const parsed = parsePaymentReference(ref);
				return { text: ref, parsed: parsed.ok ? parsed.value : null };
			}
		}
	}
	return { text: null, parsed: null };
}

function debtorName(tx: Node | undefined): string | null {
	const dbtr = child(tx, 'RltdPties', 'Dbtr');
	return text(child(dbtr, 'Nm')) ?? text(child(dbtr, 'Pty', 'Nm')) ?? null;
}

function readCredits(
	notification: Node,
	credits: CamtCredit[]
): { skipped: number; foreign?: CamtError } {
	let skipped = 0;
	for (const entry of list(notification['Ntry'])) {
		const entryAmount = amountOf(entry['Amt'], 'an entry amount');
		const direction = required(entry['CdtDbtInd'], 'an entry direction');
		const reversal = text(entry['RvslInd']) === 'true';
		if (direction !== 'CRDT' || reversal || status(entry) !== 'BOOK') {
			skipped++;
			continue;
		}
		const entryRef =
			text(entry['AcctSvcrRef']) ??
			text(entry['NtryRef']) ??
			required(undefined, 'an entry reference');
		const bookingDate = day(entry['BookgDt'], 'a booking date');
		if (!bookingDate) throw new Damaged('a booking date missing');
		const valueDate = day(entry['ValDt'], 'a value date') ?? bookingDate;

		const txs = list(entry['NtryDtls']).flatMap((details) => list(details['TxDtls']));
		const parts: { tx: Node | undefined; cents: number; currency: string }[] =
			txs.length === 0
				? [{ tx: undefined, ...entryAmount }]
				: txs.map((tx) => {
						const amt = tx['Amt'] ?? child(tx, 'AmtDtls', 'TxAmt', 'Amt');
						return { tx, ...(amt === undefined ? entryAmount : amountOf(amt, 'a payment amount')) };
					});
		if (txs.length > 1 && parts.reduce((sum, p) => sum + p.cents, 0) !== entryAmount.cents) {
			throw new Damaged(`the payments of entry ${entryRef} do not add up to it`);
		}
		for (const [i, { tx, cents: amountCents, currency }] of parts.entries()) {
			const entryReference =
				text(child(tx, 'Refs', 'AcctSvcrRef')) ??
				(parts.length > 1 ? `${entryRef}#${i + 1}` : entryRef);
			if (currency !== 'EUR') {
				return { skipped, foreign: { kind: 'foreign_currency', currency, entryReference } };
			}
			const ref = reference(tx);
			credits.push({
				reference: ref.parsed,
				referenceText: ref.text,
				amountCents,
				currency: 'EUR',
				bookingDate,
				valueDate,
				debtorName: debtorName(tx),
				entryReference
			});
		}
	}
	return { skipped };
}

/** Reads a camt.054 file; never throws. */
export function parseCamt054(input: string | Uint8Array): CamtResult {
	const size = typeof input === 'string' ? input.length : input.byteLength;
	if (size > CAMT_MAX_BYTES)
		return { ok: false, error: { kind: 'too_large', maxBytes: CAMT_MAX_BYTES } };
	let xml: string;
	try {
		xml =
			typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
	} catch {
		return { ok: false, error: { kind: 'damaged', detail: 'not UTF-8 text' } };
	}
	xml = xml.replace(/^\uFEFF/, '');
	if (xml.trim() === '') return { ok: false, error: { kind: 'damaged', detail: 'empty' } };
	// A bank's file has no document type; one with entities is refused rather than expanded.
	if (/<!DOCTYPE/i.test(xml)) return { ok: false, error: { kind: 'damaged', detail: 'a DOCTYPE' } };
	if (XMLValidator.validate(xml) !== true) {
		return { ok: false, error: { kind: 'damaged', detail: 'not well-formed XML' } };
	}

	let tree: Node;
	try {
		tree = asNode(parser.parse(xml)) ?? {};
	} catch {
		return { ok: false, error: { kind: 'damaged', detail: 'not readable XML' } };
	}
	const rootName = Object.keys(tree).find((k) => !k.startsWith('?')) ?? '';
	const root = asNode(tree[rootName]);
	const notCamt = (found: string): CamtResult => ({
		ok: false,
		error: { kind: 'not_camt054', found }
	});
	if (rootName !== 'Document' || !root) return notCamt(rootName || 'nothing');
	const body = asNode(root['BkToCstmrDbtCdtNtfctn']);
	if (!body) return notCamt(Object.keys(root).find((k) => !k.startsWith('@_')) ?? rootName);
	// The default namespace, or the one declared for a prefix (<ns2:Document xmlns:ns2="…">).
	const namespaces = Object.entries(root)
		.filter(([k]) => k === '@_xmlns' || k.startsWith('@_xmlns:'))
		.map(([, v]) => text(v) ?? '');
	const version = namespaces.map((ns) => NAMESPACE.exec(ns)?.[1]).find(Boolean);
	if (!version) return notCamt(namespaces[0] ?? 'no namespace');
	if (!SUPPORTED.test(version))
		return { ok: false, error: { kind: 'unsupported_version', version } };

	try {
		const messageId = required(child(body, 'GrpHdr', 'MsgId'), 'the message ID');
		const notifications = list(body['Ntfctn']);
		if (notifications.length === 0) throw new Damaged('no notification');
		const credits: CamtCredit[] = [];
		let skippedEntries = 0;
		let account: string | null = null;
		for (const notification of notifications) {
			account ??= text(child(notification, 'Acct', 'Id', 'IBAN')) ?? null;
			const { skipped, foreign } = readCredits(notification, credits);
			if (foreign) return { ok: false, error: foreign };
			skippedEntries += skipped;
		}
		return {
			ok: true,
			value: { version: version as CamtVersion, messageId, account, credits, skippedEntries }
		};
	} catch (e) {
		if (e instanceof Damaged) return { ok: false, error: { kind: 'damaged', detail: e.message } };
		return { ok: false, error: { kind: 'damaged', detail: 'not readable' } };
	}
}
