import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRfReference } from '$lib/domain/billing/reference-number';
import { parseCamt054, type CamtResult } from './camt054';

/**
 * Hand-made notifications in the shape Finnish banks send incoming reference payments: a
 * batch entry with one transaction per payment. Written for these tests from the ISO 20022
 * message definitions, not copied from any bank's file.
 */

const RF_NARPES = (() => {
	const rf = createRfReference('20240000154');
	if (!rf.ok) throw new Error('no RF');
	return rf.value;
})();

const NS = (version: string) => `urn:iso:std:iso:20022:tech:xsd:camt.054.${version}`;

function v02(entries: string, currency = 'EUR'): string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="${NS('001.02')}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <BkToCstmrDbtCdtNtfctn>
    <GrpHdr><MsgId>VERKOSTO-TEST-0001</MsgId><CreDtTm>2024-10-16T07:00:00+03:00</CreDtTm></GrpHdr>
    <Ntfctn>
      <Id>N-0001</Id>
      <CreDtTm>2024-10-16T07:00:00+03:00</CreDtTm>
      <Acct><Id><IBAN>FI2112345600000785</IBAN></Id><Ccy>${currency}</Ccy></Acct>
      ${entries}
    </Ntfctn>
  </BkToCstmrDbtCdtNtfctn>
</Document>`;
}

const BATCH_V02 = `
      <Ntry>
        <NtryRef>1</NtryRef>
        <Amt Ccy="EUR">12478.97</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2024-10-15</Dt></BookgDt>
        <ValDt><Dt>2024-10-14</Dt></ValDt>
        <AcctSvcrRef>241015TEST0001</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>VCOM</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <Btch><NbOfTxs>3</NbOfTxs></Btch>
          <TxDtls>
            <Refs><AcctSvcrRef>241015TEST0001A</AcctSvcrRef></Refs>
            <AmtDtls><TxAmt><Amt Ccy="EUR">12333.04</Amt></TxAmt></AmtDtls>
            <RltdPties><Dbtr><Nm>VAALAN KUNTA</Nm></Dbtr></RltdPties>
            <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>00000000020240000141</Ref></CdtrRefInf></Strd></RmtInf>
          </TxDtls>
          <TxDtls>
            <Refs><AcctSvcrRef>241015TEST0001B</AcctSvcrRef></Refs>
            <AmtDtls><TxAmt><Amt Ccy="EUR">123.93</Amt></TxAmt></AmtDtls>
            <RltdPties><Dbtr><Nm>Närpes stad &amp; kansli</Nm></Dbtr></RltdPties>
            <RmtInf><Strd><CdtrRefInf><Ref>${RF_NARPES}</Ref></CdtrRefInf></Strd></RmtInf>
          </TxDtls>
          <TxDtls>
            <Refs><AcctSvcrRef>241015TEST0001C</AcctSvcrRef></Refs>
            <AmtDtls><TxAmt><Amt Ccy="EUR">22</Amt></TxAmt></AmtDtls>
            <RmtInf><Strd><CdtrRefInf><Ref>12345</Ref></CdtrRefInf></Strd></RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">50.00</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2024-10-15</Dt></BookgDt>
        <AcctSvcrRef>241015TEST0002</AcctSvcrRef>
      </Ntry>
      <Ntry>
        <Amt Ccy="EUR">75.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>PDNG</Sts>
        <BookgDt><Dt>2024-10-16</Dt></BookgDt>
        <AcctSvcrRef>241015TEST0003</AcctSvcrRef>
      </Ntry>`;

function v08(entry: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="${NS('001.08')}">
  <BkToCstmrDbtCdtNtfctn>
    <GrpHdr><MsgId>VERKOSTO-TEST-0008</MsgId><CreDtTm>2024-10-16T07:00:00+03:00</CreDtTm></GrpHdr>
    <Ntfctn>
      <Id>N-0008</Id>
      <Acct><Id><IBAN>FI2112345600000785</IBAN></Id></Acct>
      ${entry}
    </Ntfctn>
  </BkToCstmrDbtCdtNtfctn>
</Document>`;
}

const ENTRY_V08 = `
      <Ntry>
        <Amt Ccy="EUR">12333.04</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><DtTm>2024-10-15T23:30:00+00:00</DtTm></BookgDt>
        <ValDt><Dt>2024-10-15</Dt></ValDt>
        <AcctSvcrRef>241016TEST0801</AcctSvcrRef>
        <NtryDtls>
          <TxDtls>
            <Amt Ccy="EUR">12333.04</Amt>
            <CdtDbtInd>CRDT</CdtDbtInd>
            <RltdPties><Dbtr><Pty><Nm>Vaalan kunta</Nm></Pty></Dbtr></RltdPties>
            <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>2024 00001 41</Ref></CdtrRefInf></Strd></RmtInf>
          </TxDtls>
        </NtryDtls>
      </Ntry>`;

function credits(result: CamtResult) {
	if (!result.ok) throw new Error(JSON.stringify(result.error));
	return result.value.credits;
}

describe('parseCamt054', () => {
	it('reads each payment of a batch of version 001.02 as a credit', () => {
		const result = parseCamt054(v02(BATCH_V02));
		expect(result.ok && result.value.version).toBe('001.02');
		expect(result.ok && result.value.messageId).toBe('VERKOSTO-TEST-0001');
		expect(result.ok && result.value.account).toBe('FI2112345600000785');
		expect(credits(result)).toEqual([
			{
				reference: { kind: 'national', value: '20240000141' },
				referenceText: '00000000020240000141',
				amountCents: 1_233_304,
				currency: 'EUR',
				bookingDate: '2024-10-15',
				valueDate: '2024-10-14',
				debtorName: 'VAALAN KUNTA',
				entryReference: '241015TEST0001A'
			},
			{
				reference: { kind: 'rf', value: RF_NARPES },
				referenceText: RF_NARPES,
				amountCents: 12_393,
				currency: 'EUR',
				bookingDate: '2024-10-15',
				valueDate: '2024-10-14',
				debtorName: 'Närpes stad & kansli',
				entryReference: '241015TEST0001B'
			},
			{
				reference: null,
				referenceText: '12345',
				amountCents: 2_200,
				currency: 'EUR',
				bookingDate: '2024-10-15',
				valueDate: '2024-10-14',
				debtorName: null,
				entryReference: '241015TEST0001C'
			}
		]);
	});

	it('leaves out debits and entries not yet booked, and counts them', () => {
		const result = parseCamt054(v02(BATCH_V02));
		expect(result.ok && result.value.skippedEntries).toBe(2);
	});

	it('reads version 001.08: status code, amount and debtor in their new places, a time as its Helsinki day', () => {
		const [credit] = credits(parseCamt054(v08(ENTRY_V08)));
		expect(credit).toEqual({
			reference: { kind: 'national', value: '20240000141' },
			referenceText: '2024 00001 41',
			amountCents: 1_233_304,
			currency: 'EUR',
			// 23.30 UTC on 15 October is 02.30 on the 16th in Helsinki
			bookingDate: '2024-10-16',
			valueDate: '2024-10-15',
			debtorName: 'Vaalan kunta',
			entryReference: '241016TEST0801'
		});
	});

	it('reads an entry without transaction details as one credit, and a prefixed document', () => {
		const entry = `<Ntry><Amt Ccy="EUR">10</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
			<BookgDt><Dt>2024-10-15</Dt></BookgDt><AcctSvcrRef>X1</AcctSvcrRef></Ntry>`;
		const prefixed = v02(entry)
			.replace(/<(\/?)([A-Za-z])/g, '<$1c:$2')
			.replace(`xmlns="${NS('001.02')}"`, `xmlns:c="${NS('001.02')}"`);
		for (const xml of [v02(entry), prefixed]) {
			expect(credits(parseCamt054(xml))).toEqual([
				expect.objectContaining({ amountCents: 1000, entryReference: 'X1', reference: null })
			]);
		}
	});

	it('reads bytes, with or without a byte order mark', () => {
		const bytes = new TextEncoder().encode(`\uFEFF${v02(BATCH_V02)}`);
		expect(credits(parseCamt054(bytes))).toHaveLength(3);
	});

	it('refuses a foreign currency, naming the payment', () => {
		const sek = BATCH_V02.replace('<Amt Ccy="EUR">123.93</Amt>', '<Amt Ccy="SEK">123.93</Amt>');
		expect(parseCamt054(v02(sek))).toEqual({
			ok: false,
			error: { kind: 'foreign_currency', currency: 'SEK', entryReference: '241015TEST0001B' }
		});
	});

	it('refuses a file that is not camt.054', () => {
		const statement = v02(BATCH_V02)
			.replaceAll('BkToCstmrDbtCdtNtfctn', 'BkToCstmrStmt')
			.replace('camt.054', 'camt.053');
		expect(parseCamt054(statement)).toEqual({
			ok: false,
			error: { kind: 'not_camt054', found: 'BkToCstmrStmt' }
		});
		expect(parseCamt054('<html><body>Hei</body></html>')).toEqual({
			ok: false,
			error: { kind: 'not_camt054', found: 'html' }
		});
		expect(parseCamt054(v02(BATCH_V02).replace(NS('001.02'), 'urn:example:other'))).toEqual({
			ok: false,
			error: { kind: 'not_camt054', found: 'urn:example:other' }
		});
		expect(parseCamt054(v02(BATCH_V02).replace('001.02', '001.01'))).toEqual({
			ok: false,
			error: { kind: 'unsupported_version', version: '001.01' }
		});
	});

	it('refuses a damaged file and never imports part of it', () => {
		const whole = v02(BATCH_V02);
		const damaged = [
			whole.slice(0, whole.length / 2),
			'',
			'not xml at all',
			whole.replace('12333.04', '12333.045'),
			whole.replace('12333.04', '-12333.04'),
			whole.replace('12333.04', '12000.00'),
			whole.replace('<Dt>2024-10-15</Dt></BookgDt>', '<Dt>2024-02-30</Dt></BookgDt>'),
			whole.replace('<MsgId>VERKOSTO-TEST-0001</MsgId>', ''),
			`<!DOCTYPE x [<!ENTITY a "aaaa">]>${whole.replace('<?xml version="1.0" encoding="UTF-8"?>', '')}`
		];
		for (const xml of damaged) {
			const result = parseCamt054(xml);
			expect(result.ok ? 'ok' : result.error.kind, xml.slice(0, 80)).toBe('damaged');
		}
		expect(parseCamt054(new Uint8Array([0x3c, 0xff, 0xfe, 0x3e]))).toEqual({
			ok: false,
			error: { kind: 'damaged', detail: 'not UTF-8 text' }
		});
	});

	it('never throws, whatever it is given', () => {
		const whole = v02(BATCH_V02);
		fc.assert(
			fc.property(fc.string(), (text) => {
				expect(() => parseCamt054(text)).not.toThrow();
			})
		);
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: whole.length }),
				fc.integer({ min: 0, max: 40 }),
				fc.string({ maxLength: 20 }),
				(at, remove, insert) => {
					const mutated = whole.slice(0, at) + insert + whole.slice(at + remove);
					expect(() => parseCamt054(mutated)).not.toThrow();
				}
			)
		);
	});
});
