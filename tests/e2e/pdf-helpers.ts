// Reading exported PDFs back as a person (or their PDF reader) would: shared by the PDF specs.
import { readFileSync } from 'node:fs';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function openPdf(file: string | Buffer): Promise<PDFDocumentProxy> {
  const data = new Uint8Array(typeof file === 'string' ? readFileSync(file) : file);
  return getDocument({ data, verbosity: 0, isEvalSupported: false }).promise;
}

/** The text of a page as a reader's copy would give it, without white space (Chinese has none to compare). */
export async function pageText(pdf: PDFDocumentProxy, number: number): Promise<string> {
  const content = await (await pdf.getPage(number)).getTextContent();
  return compact(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
}

export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}
