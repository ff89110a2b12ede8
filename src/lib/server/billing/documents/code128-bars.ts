/**
 * The bars of a Code 128 symbol (ISO/IEC 15417), to draw the bank bar code from the symbol
 * values the billing domain gives (`code128CSymbols`). Each symbol value 0–105 is three bars
 * and three spaces, 11 modules together; the stop (106) is four bars and three spaces, 13
 * modules. The table gives the widths in modules, bar first: "212222" is a bar of 2, a space
 * of 1, a bar of 2, …. Symbology facts that hold for every row (and that a test checks): a
 * symbol's bars are an even number of modules and its spaces odd, and no two rows are alike.
 */
// prettier-ignore
export const CODE128_WIDTHS: readonly string[] = [
	'212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
	'221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
	'221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
	'212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
	'231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
	'231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
	'314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
	'112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
	'111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
	'214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
	'114131', '311141', '411131', '211412', '211214', '211232', '2331112'
];

/** A bar: where it starts and how wide it is, in modules from the first bar. */
export interface Bar {
	start: number;
	width: number;
}

/** The bars of a sequence of symbol values, and the symbol's whole width in modules. */
export function code128Bars(symbols: readonly number[]): { bars: Bar[]; modules: number } {
	const bars: Bar[] = [];
	let position = 0;
	for (const symbol of symbols) {
		const widths = CODE128_WIDTHS[symbol];
		if (widths === undefined) throw new RangeError(`no Code 128 symbol ${symbol}`);
		for (let i = 0; i < widths.length; i++) {
			const width = widths.charCodeAt(i) - 48;
			if (i % 2 === 0) bars.push({ start: position, width });
			position += width;
		}
	}
	return { bars, modules: position };
}
