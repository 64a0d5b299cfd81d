// Shared by the print view and the handout: wait until every font and image is in, find slides
// that do not fit their page, give every slide a heading and working links for the PDF, and tell
// whoever waits (the PDF export, a test, a person at the console) that the pages are ready and
// what is wrong with them.
import type { Deck, Slide } from '../../shared/deck.js';
import { UI_STRINGS } from '../../shared/ui-strings.js';

/** What counts as a slide's heading (the PDF outline is made of headings). */
export const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/** Something that would make the printed pages wrong, with the slide it belongs to. */
export interface PrintProblem {
  /** `slides/x.md:LINE` of the slide, when the problem belongs to one. */
  source?: string;
  message: string;
}

/**
 * Resolves when every font the page's text needs, and every image, has loaded and decoded.
 * `extraText` is text drawn outside the page's elements (the handout's page headers).
 */
export async function contentLoaded(extraText = ''): Promise<void> {
  // Fonts come in unicode-range pieces and with font-display: block, and Chromium starts fetching
  // a piece only some time after laying out text that needs it: printing before then would leave
  // that text out. So ask for every piece the text needs, then wait until none is loading.
  const text = `${document.body.innerText}${document.title}${extraText}`;
  const fonts = new Set(
    [...document.fonts].map(
      (face) => `${face.style} ${face.weight} 16px "${face.family.replace(/^["']|["']$/g, '')}"`,
    ),
  );
  await Promise.all([...fonts].map((font) => document.fonts.load(font, text).catch(() => [])));
  do await document.fonts.ready;
  while ([...document.fonts].some((face) => face.status === 'loading'));
  // A broken image must not hold the pages back: it prints as it shows.
  await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
}

/**
 * The slides whose content is taller or wider than the slide: on paper they would be cut off.
 * `sections` are laid out at their page size; measured after `contentLoaded()`.
 */
export function oversizedSlides(
  sections: Iterable<HTMLElement>,
  slideWidth: number,
  slideHeight: number,
): PrintProblem[] {
  const problems: PrintProblem[] = [];
  for (const section of sections) {
    const { clientWidth, clientHeight, scrollWidth, scrollHeight } = section;
    if (clientHeight === 0) continue;
    // Measured in the section's own pixels, so a slide shown at reduced size compares the same.
    const scale = slideHeight / clientHeight;
    const tall = Math.round((scrollHeight - clientHeight) * scale);
    const wide = Math.round((scrollWidth - clientWidth) * scale);
    if (tall <= 1 && wide <= 1) continue;
    const title = section.getAttribute('aria-label') ?? section.id;
    const size =
      tall > 1
        ? `${tall} px taller than the ${slideHeight} px page`
        : `${wide} px wider than the ${slideWidth} px page`;
    problems.push({
      source: section.dataset.source,
      message: `slide "${title}" is ${size}; shorten it or split it into two slides`,
    });
  }
  return problems;
}

/** Marks the pages ready for printing (`html[data-pdf-ready]`) and publishes the problems found. */
export function signalPrintReady(problems: PrintProblem[]): void {
  const root = document.documentElement;
  for (const problem of problems)
    console.error(`${problem.source ? `${problem.source}: ` : ''}${problem.message}`);
  root.dataset.pdfProblems = JSON.stringify(problems);
  root.dataset.pdfReady = 'true';
}

/**
 * Titles the page `title` and puts the deck's author, a description and keywords (the part
 * titles) into `<meta>` tags: printing makes the title the PDF's, and the PDF export copies the
 * rest into the PDF's document properties.
 */
export function publishDocumentInfo(deck: Deck, pageTitle = deck.meta.title): void {
  const { title, author, venue } = deck.meta;
  document.title = pageTitle;
  const parts = deck.slides.filter((slide) => slide.level === 1 && slide.index > 0 && slide.title);
  const entries: [string, string][] = [
    ['author', author],
    ['description', venue ? `${title} — ${author}, ${venue}` : `${title} — ${author}`],
    ['keywords', parts.map((slide) => slide.title).join(', ')],
  ];
  for (const [name, content] of entries) {
    let meta = document.head.querySelector<HTMLMetaElement>(`meta[name="${name}"]`);
    if (!meta) {
      meta = document.createElement('meta');
      meta.name = name;
      document.head.append(meta);
    }
    meta.content = content;
  }
}

/** A slide without a heading gets a visually hidden one, so it has its entry in the PDF outline. */
export function ensureHeading(section: HTMLElement, slide: Slide): void {
  if (section.querySelector(HEADING)) return;
  const heading = document.createElement(slide.level === 1 ? 'h1' : 'h2');
  heading.className = 'print-heading';
  heading.textContent = slide.title || `${UI_STRINGS.slideLabel} ${slide.index + 1}`;
  (section.querySelector('.slide-frame') ?? section).prepend(heading);
}

/**
 * Turns links to other slides (`#/id` or `#/3`) into links to their page of the PDF (`#id`); a
 * link to a slide left out by `&range` would lead nowhere, so it becomes plain text.
 */
export function linkSlidesToPages(root: Element, slides: Slide[]): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href^="#/"]')) {
    const target = decodeURIComponent(link.getAttribute('href')!.slice(2).split('/')[0]!);
    const id = /^\d+$/.test(target) ? slides[Number(target)]?.id : target;
    if (id && document.getElementById(id)) link.setAttribute('href', `#${id}`);
    else link.removeAttribute('href');
  }
}
