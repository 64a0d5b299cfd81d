// The document properties of an exported PDF: title, author, subject, keywords, language, the
// creator, the outline shown on opening, and the same in XMP metadata (which PDF/UA readers take
// the title and language from). Chromium writes only the title and the language; the rest is
// added as an incremental update, leaving Chromium's pages, fonts, outline and tags untouched.
import { PdfFile, formatDictionary, parseDictionary, pdfString, streamObject } from './pdf-update.js';

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  lang: string;
  creator: string;
}

/** `pdf` with `info` as its document properties and XMP metadata, and its page count. */
export function withDocumentInfo(pdf: Uint8Array, info: DocumentInfo): { bytes: Uint8Array; pages: number } {
  const file = new PdfFile(pdf);
  const rootNumber = PdfFile.refNumber(file.trailer.entries.get('Root'));
  const catalog = file.dictionary(rootNumber);
  const pages = file.dictionary(PdfFile.refNumber(catalog.get('Pages')));
  const old = file.trailer.entries.has('Info')
    ? file.dictionary(PdfFile.refNumber(file.trailer.entries.get('Info')))
    : new Map<string, string>();
  const infoNumber = file.nextNumber;
  const metadataNumber = infoNumber + 1;

  const keywords = info.keywords.join(', ');
  const documentInfo = new Map([
    ['Title', pdfString(info.title)],
    ['Author', pdfString(info.author)],
    ['Subject', pdfString(info.subject)],
    ['Keywords', pdfString(keywords)],
    ['Creator', pdfString(info.creator)],
  ]);
  // Chromium's producer and dates stay as they were.
  for (const key of ['Producer', 'CreationDate', 'ModDate']) {
    const value = old.get(key);
    if (value !== undefined) documentInfo.set(key, value);
  }
  const created = pdfDate(old.get('CreationDate')) ?? new Date();
  // XMP is UTF-8.
  const xmp = new TextEncoder().encode(xmpPacket(info, created));
  const metadata = streamObject(
    new Map([
      ['Type', '/Metadata'],
      ['Subtype', '/XML'],
    ]),
    xmp,
  );

  catalog.set('Lang', pdfString(info.lang));
  catalog.set('PageMode', '/UseOutlines');
  // A reader's title bar shows the title, not the file name.
  const shown = catalog.get('ViewerPreferences') ?? '<<>>';
  const preferences = shown.startsWith('<<') ? parseDictionary(shown) : new Map<string, string>();
  preferences.set('DisplayDocTitle', 'true');
  catalog.set('ViewerPreferences', formatDictionary(preferences));
  catalog.set('Metadata', `${metadataNumber} 0 R`);
  const bytes = file.update(
    new Map<number, string | Uint8Array>([
      [rootNumber, formatDictionary(catalog)],
      [infoNumber, formatDictionary(documentInfo)],
      [metadataNumber, metadata],
    ]),
    new Map([['Info', `${infoNumber} 0 R`]]),
  );
  return { bytes, pages: Number(pages.get('Count')) };
}

/** A PDF date string `(D:YYYYMMDDHHmmSS+HH'mm')` as a Date; undefined when it is not one. */
export function pdfDate(value: string | undefined): Date | undefined {
  const match = /^\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:([+-])(\d{2})'?(\d{2})'?|Z)?/.exec(
    value ?? '',
  );
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, sign, oh, om] = match;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const offset = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) : 0;
  return new Date(utc - offset * 60_000);
}

/** XMP metadata (Dublin Core and PDF schemas). */
function xmpPacket(info: DocumentInfo, created: Date): string {
  const x = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${x(text)}</rdf:li></rdf:Alt>`;
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:format>application/pdf</dc:format>
<dc:title>${alt(info.title)}</dc:title>
<dc:creator><rdf:Seq><rdf:li>${x(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description>${alt(info.subject)}</dc:description>
<dc:language><rdf:Bag><rdf:li>${x(info.lang)}</rdf:li></rdf:Bag></dc:language>
<pdf:Keywords>${x(info.keywords.join(', '))}</pdf:Keywords>
<xmp:CreateDate>${created.toISOString()}</xmp:CreateDate>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
