/**
 * A bank's camt.054 notification of incoming reference payments (version 001.08, one booked
 * entry per payment), built for tests and the demo from the invoices they issued. Written from
 * the ISO 20022 message definition, not copied from any bank's file.
 */
export interface TestCredit {
	/** The bank's archive ID (AcctSvcrRef), unique per payment. */
	entryReference: string;
	amountCents: number;
	/** National or RF reference as the payer gave it; omitted for none. */
	reference?: string;
	payer?: string;
	/** yyyy-mm-dd */
	bookingDate: string;
	currency?: string;
}

const euros = (cents: number) =>
	`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function buildCamt054(messageId: string, credits: readonly TestCredit[]): string {
	const entries = credits
		.map(
			(c) => `
      <Ntry>
        <Amt Ccy="${c.currency ?? 'EUR'}">${euros(c.amountCents)}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts><Cd>BOOK</Cd></Sts>
        <BookgDt><Dt>${c.bookingDate}</Dt></BookgDt>
        <ValDt><Dt>${c.bookingDate}</Dt></ValDt>
        <AcctSvcrRef>${escape(c.entryReference)}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>VCOM</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls>
          <TxDtls>
            <Refs><AcctSvcrRef>${escape(c.entryReference)}</AcctSvcrRef></Refs>
            <Amt Ccy="${c.currency ?? 'EUR'}">${euros(c.amountCents)}</Amt>
            ${c.payer ? `<RltdPties><Dbtr><Pty><Nm>${escape(c.payer)}</Nm></Pty></Dbtr></RltdPties>` : ''}
            ${c.reference ? `<RmtInf><Strd><CdtrRefInf><Ref>${escape(c.reference)}</Ref></CdtrRefInf></Strd></RmtInf>` : ''}
          </TxDtls>
        </NtryDtls>
      </Ntry>`
		)
		.join('');
	return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
  <BkToCstmrDbtCdtNtfctn>
    <GrpHdr><MsgId>${escape(messageId)}</MsgId><CreDtTm>2024-10-16T07:00:00+03:00</CreDtTm></GrpHdr>
    <Ntfctn>
      <Id>${escape(messageId)}-1</Id>
      <CreDtTm>2024-10-16T07:00:00+03:00</CreDtTm>
      <Acct><Id><IBAN>FI2112345600000785</IBAN></Id></Acct>${entries}
    </Ntfctn>
  </BkToCstmrDbtCdtNtfctn>
</Document>`;
}
