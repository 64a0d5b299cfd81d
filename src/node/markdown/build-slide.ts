// Turns one raw slide into a Slide: front matter, notes, Markdown. Pure apart from the image
// resolver it is given.
import type { Diagnostic, Slide, SlideAttributes } from '../../shared/deck.js';
import { extractNotes } from './extract-notes.js';
import { parseFrontMatter } from './front-matter.js';
import { plainText } from './html-text.js';
import { countBuildSteps } from './build-steps.js';
import { MAX_SLIDE_BYTES, MAX_SLIDE_HTML_BYTES, formatBytes } from './limits.js';
import { renderMarkdown, type ImageLookup } from './render-markdown.js';
import type { RawSlide } from './split-slides.js';

/** A front-matter comment that reads like a Markdown heading: probably the slide's title, above a missing `---`. */
const HEADING_LIKE = /^#{1,6}[ \t]+\S.*$/m;

export interface BuiltSlide {
  slide: Slide;
  diagnostics: Diagnostic[];
}

/** Builds the slide at `index` of the deck. */
export function buildSlide(
  raw: RawSlide,
  index: number,
  resolveImage: (href: string) => ImageLookup,
): BuiltSlide {
  const diagnostics: Diagnostic[] = [...raw.diagnostics];
  const report = (code: string, line: number, message: string) =>
    diagnostics.push({ severity: 'error', code, file: raw.file, line, message });
  let attributes: SlideAttributes = {};
  if (raw.frontMatter) {
    const parsed = parseFrontMatter(raw.frontMatter.text, raw.file, raw.frontMatter.line);
    attributes = parsed.attributes;
    diagnostics.push(...parsed.diagnostics);
  }
  const size = Buffer.byteLength(raw.body);
  if (size > MAX_SLIDE_BYTES) {
    // Not parsed at all: a slide this big is a mistake, and parsing it is what takes the time.
    report(
      'too-large',
      raw.line,
      `slide is ${formatBytes(size)} of Markdown (notes included), over the limit of ${formatBytes(MAX_SLIDE_BYTES)}: split it into several slides`,
    );
    return { slide: { ...emptySlide(raw, index, attributes), broken: true }, diagnostics };
  }
  const parts = extractNotes(raw.body, raw.plainLines);
  if (parts.indentedMarker >= 0)
    report(
      'notes',
      raw.bodyLine + parts.indentedMarker,
      'indented `Note:` line: remove the indentation to start the speaker notes here (slide text cannot start a line with `Note:`)',
    );
  const content = renderMarkdown(parts.content, {
    file: raw.file,
    line: raw.bodyLine,
    resolveImage,
    build: attributes.build,
  });
  diagnostics.push(...content.diagnostics);
  if (parts.content.trim() === '') {
    const heading = raw.frontMatter?.text.match(HEADING_LIKE)?.[0];
    report(
      'empty-slide',
      raw.line,
      heading
        ? `slide has no content: \`${heading.trim()}\` is read as a comment in the front matter (is a --- line missing below the keys?)`
        : 'slide has no content (only front matter or notes)',
    );
  }
  let notesHtml = '';
  if (parts.notesIndex >= 0) {
    const notes = renderMarkdown(parts.notes, {
      file: raw.file,
      line: raw.bodyLine + parts.notesIndex,
      resolveImage,
    });
    notesHtml = notes.html;
    diagnostics.push(...notes.diagnostics);
  }
  const htmlSize = Buffer.byteLength(content.html) + Buffer.byteLength(notesHtml);
  if (htmlSize > MAX_SLIDE_HTML_BYTES) {
    // Not shipped even to the dev server's page: that much HTML is what blocks a browser.
    report(
      'too-large',
      raw.line,
      `slide renders to ${formatBytes(htmlSize)} of HTML (notes included), over the limit of ${formatBytes(MAX_SLIDE_HTML_BYTES)}: split it (formulas and tables make much HTML)`,
    );
    return {
      slide: { ...emptySlide(raw, index, attributes), title: content.title, broken: true },
      diagnostics,
    };
  }
  const slide: Slide = {
    ...emptySlide(raw, index, attributes),
    title: content.title,
    level: content.level,
    html: content.html,
    notesHtml,
    notesText: plainText(notesHtml),
    steps: countBuildSteps(content.html),
  };
  if (diagnostics.some((d) => d.severity === 'error')) slide.broken = true;
  return { slide, diagnostics };
}

/** The slide before its Markdown is rendered. */
function emptySlide(raw: RawSlide, index: number, attributes: SlideAttributes): Slide {
  return {
    index,
    id: attributes.id ?? `slide-${index + 1}`,
    title: '',
    level: 0,
    html: '',
    notesHtml: '',
    notesText: '',
    steps: 0,
    attributes,
    source: { file: raw.file, line: raw.line },
  };
}
