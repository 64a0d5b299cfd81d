// Types for the one dependency that ships none.
declare module 'subset-font' {
  export interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    preserveNameIds?: number[];
    variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
    /** Keep only the glyphs the text maps to, not those OpenType substitutions could reach. */
    noLayoutClosure?: boolean;
    /** Drop hinting instructions (for CFF fonts, the hint operators). */
    noHinting?: boolean;
  }
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: SubsetFontOptions,
  ): Promise<Buffer>;
}
