import { describe, expect, test } from 'vitest';
import { PDFDocument, PDFName } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pdfDate, withDocumentInfo, type DocumentInfo } from '../../../src/node/pdf/document-info.js';
import { PdfStructureError, parseDictionary, pdfString } from '../../../src/node/pdf/pdf-update.js';

const INFO: DocumentInfo = {
  title: '大模型发展机会与挑战',
  author: '张宏江',
  subject: '大模型发展机会与挑战 — 张宏江, 智源研究院（BAAI）',
  keywords: ['01 ChatGPT：奇点到来', '02 OpenAI (强团队)'],
  lang: 'zh-CN',
  creator: 'the tests',
};

/** A PDF written the way Chromium writes one: classic cross-reference table, a title, a creation date, an outline. */
async function chromiumLikePdf(pages: number, objectStreams = false): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < pages; i++) doc.addPage([960, 540]);
  doc.setTitle('old title');
  doc.setProducer('Skia/PDF m156');
  doc.setCreationDate(new Date('2026-12-03T11:45:43Z'));
  doc.catalog.set(PDFName.of('Outlines'), doc.context.obj({ Type: 'Outlines', Count: 0 }));
  return doc.save({ useObjectStreams: objectStreams });
}

async function readBack(bytes: Uint8Array) {
  const pdf = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const { info, metadata } = await pdf.getMetadata();
  return { pdf, info: info as Record<string, unknown>, metadata };
}

describe('withDocumentInfo', () => {
  test('sets the properties, XMP, language and outline mode, and keeps every page and the date', async () => {
    const original = await chromiumLikePdf(3);
    const { bytes, pages } = withDocumentInfo(original, INFO);
    expect(pages).toBe(3);
    // An incremental update: the original bytes come first, unchanged.
    expect(bytes.subarray(0, original.length)).toEqual(original);
    const { pdf, info, metadata } = await readBack(bytes);
    expect(pdf.numPages).toBe(3);
    expect(info).toMatchObject({
      Title: INFO.title,
      Author: INFO.author,
      Subject: INFO.subject,
      Keywords: '01 ChatGPT：奇点到来, 02 OpenAI (强团队)',
      Creator: 'the tests',
      Producer: 'Skia/PDF m156',
      Language: 'zh-CN',
    });
    expect(metadata?.get('dc:title')).toBe(INFO.title);
    expect(metadata?.get('dc:language')).toBe('zh-CN');
    expect(metadata?.get('xmp:createdate')).toBe('2026-12-03T11:45:43.000Z');
    expect(await pdf.getPageMode()).toBe('UseOutlines');
    expect(await pdf.getViewerPreferences()).toMatchObject({ DisplayDocTitle: true });
    // pdf-lib (which the tests use to read fonts) reads the updated file too.
    const again = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(again.getTitle()).toBe(INFO.title);
    expect(again.getPageCount()).toBe(3);
  });

  test('can update a file twice; the newest properties win', async () => {
    const once = withDocumentInfo(await chromiumLikePdf(2), INFO).bytes;
    const twice = withDocumentInfo(once, { ...INFO, title: 'second' });
    expect(twice.pages).toBe(2);
    expect((await readBack(twice.bytes)).info.Title).toBe('second');
  });

  test('costs the same for a thousand pages: nothing before the update is read again', async () => {
    const large = await chromiumLikePdf(1000);
    const { bytes, pages } = withDocumentInfo(large, INFO);
    expect(pages).toBe(1000);
    expect(bytes.length - large.length).toBeLessThan(4096);
  });

  test('refuses a PDF with cross-reference streams, which Chromium does not write', async () => {
    expect(() => withDocumentInfo(new Uint8Array(0), INFO)).toThrow(PdfStructureError);
    const compressed = await chromiumLikePdf(1, true);
    expect(() => withDocumentInfo(compressed, INFO)).toThrow(/not a classic xref table/);
  });
});

describe('PDF syntax', () => {
  test('dictionary entries keep nested values, strings with brackets and references whole', () => {
    const entries = parseDictionary(
      '<</Type /Catalog\n/Pages 7 0 R\n/MarkInfo <</Type /MarkInfo\n/Marked true>>\n/Kids [1 0 R 2 0 R]/Title (a \\) <<b>> (c))/Id <00FF>/Count 16>>',
    );
    expect(Object.fromEntries(entries)).toEqual({
      Type: '/Catalog',
      Pages: '7 0 R',
      MarkInfo: '<</Type /MarkInfo\n/Marked true>>',
      Kids: '[1 0 R 2 0 R]',
      Title: '(a \\) <<b>> (c))',
      Id: '<00FF>',
      Count: '16',
    });
  });

  test('text strings: ASCII as literals with escapes, anything else as UTF-16 with a byte order mark', () => {
    expect(pdfString('a (b) \\')).toBe('(a \\(b\\) \\\\)');
    expect(pdfString('张')).toBe('<FEFF5F20>');
    expect(pdfString('😀')).toBe('<FEFFD83DDE00>');
  });

  test('dates: with an offset, in UTC, and not a date', () => {
    expect(pdfDate("(D:20261203194543+08'00')")?.toISOString()).toBe('2026-12-03T11:45:43.000Z');
    expect(pdfDate('(D:20261203194543Z)')?.toISOString()).toBe('2026-12-03T19:45:43.000Z');
    expect(pdfDate('(yesterday)')).toBeUndefined();
  });
});
