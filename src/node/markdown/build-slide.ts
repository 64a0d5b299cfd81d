// Turns one raw slide into a Slide: front matter, notes, Markdown. Pure apart from the image
// resolver it is given.
import type { Diagnostic, Slide, SlideAttributes } from '../../shared/deck.js';
import { extractNotes } from './extract-notes.js';
import { parseFrontMatter } from './front-matter.js';
import { plainText } from './html-text.js';
import { renderMarkdown } from './render-markdown.js';
import { countBuildSteps } from './build-steps.js';
import type { RawSlide } from './split-slides.js';

export interface BuiltSlide {
  slide: Slide;
  diagnostics: Diagnostic[];
}

/** Builds the slide at `index` of the deck. */
export function buildSlide(
  raw: RawSlide,
  index: number,
  resolveImage: (href: string) => string | null,
): BuiltSlide {
  const diagnostics: Diagnostic[] = [...raw.diagnostics];
  let attributes: SlideAttributes = {};
  if (raw.frontMatter) {
    const parsed = parseFrontMatter(raw.frontMatter.text, raw.file, raw.frontMatter.line);
    attributes = parsed.attributes;
    diagnostics.push(...parsed.diagnostics);
  }
  const parts = extractNotes(raw.body);
  const content = renderMarkdown(parts.content, {
    file: raw.file,
    line: raw.bodyLine,
    resolveImage,
    build: attributes.build,
  });
  diagnostics.push(...content.diagnostics);
  if (parts.content.trim() === '') {
    diagnostics.push({
      severity: 'error',
      code: 'empty-slide',
      file: raw.file,
      line: raw.line,
      message: 'slide has no content (only front matter or notes)',
    });
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
  const slide: Slide = {
    index,
    id: attributes.id ?? `slide-${index + 1}`,
    title: content.title,
    level: content.level,
    html: content.html,
    notesHtml,
    notesText: plainText(notesHtml),
    steps: countBuildSteps(content.html),
    attributes,
    source: { file: raw.file, line: raw.line },
  };
  if (diagnostics.some((d) => d.severity === 'error')) slide.broken = true;
  return { slide, diagnostics };
}
