import { XMLBuilder } from 'fast-xml-parser';

/**
 * Values as the e-invoice formats write them, from the integer cents and ten-thousandths of
 * an `InvoiceDocument`: no float ever touches an amount. UBL writes decimals with a point
 * ("1234.50"), Finvoice with a comma ("1234,50"); both with exactly two decimals for money
 * (EN 16931 BR-DEC rules allow at most two).
 */

export type DecimalSeparator = '.' | ',';

/** Cents as a decimal with two places: 123456 → "1234.56", −5 → "-0.05". */
export function decimalAmount(cents: number, separator: DecimalSeparator = '.'): string {
	const sign = cents < 0 ? '-' : '';
	const magnitude = Math.abs(cents);
	const units = Math.trunc(magnitude / 100);
	return `${sign}${units}${separator}${String(magnitude % 100).padStart(2, '0')}`;
}

/** Ten-thousandths as the shortest decimal: 10 000 → "1", 12 345 000 → "1234.5". */
export function decimalQuantity(tenThousandths: number, separator: DecimalSeparator = '.'): string {
	const sign = tenThousandths < 0 ? '-' : '';
	const magnitude = Math.abs(tenThousandths);
	const whole = Math.trunc(magnitude / 10_000);
	const fraction = String(magnitude % 10_000)
		.padStart(4, '0')
		.replace(/0+$/, '');
	return `${sign}${whole}${fraction === '' ? '' : `${separator}${fraction}`}`;
}

/** A rate in basis points as a percentage: 2550 → "25.5", 2400 → "24". */
export function decimalPercent(basisPoints: number, separator: DecimalSeparator = '.'): string {
	const whole = Math.trunc(basisPoints / 100);
	const fraction = String(basisPoints % 100)
		.padStart(2, '0')
		.replace(/0+$/, '');
	return fraction === '' ? String(whole) : `${whole}${separator}${fraction}`;
}

/** yyyy-mm-dd → yyyymmdd, Finvoice's CCYYMMDD. */
export function compactDate(day: string): string {
	return day.replaceAll('-', '');
}

/** Cuts text to a format's field length, on a character boundary. */
export function cut(text: string, max: number): string {
	const chars = [...text];
	return chars.length <= max ? text : chars.slice(0, max).join('');
}

/** An element tree: nested objects, arrays for repeated elements, "@_" attributes, "#text". */
export type XmlNode = { [name: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlNode[] | string[] | undefined;

const builder = new XMLBuilder({
	ignoreAttributes: false,
	attributeNamePrefix: '@_',
	textNodeName: '#text',
	format: true,
	indentBy: '  ',
	suppressEmptyNode: true,
	processEntities: true
});

/**
 * The XML text of an element tree with its declaration. Elements come out in the order of the
 * object's keys (insertion order), which is how the schemas' sequences are kept; undefined
 * values are left out, so an optional element is written only when it has a value.
 */
export function buildXml(root: XmlNode): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(root)}`;
}
