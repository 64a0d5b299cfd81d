// The contract between the build (Node) and the browser: the typed Deck that src/node/markdown
// builds and src/client shows, published as `virtual:deck`. Everything here is JSON-safe data.

/** Where something came from, for messages a person can act on: `slides/01-chatgpt.md:42`. */
export interface SourceRef {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line number. */
  line: number;
}

export type Severity = 'error' | 'warning';

/** One problem found while building the deck. Collected, never thrown, so one bad slide never hides the others. */
export interface Diagnostic extends SourceRef {
  severity: Severity;
  message: string;
  /**
   * Short machine-readable kind, e.g. `front-matter`, `math`, `image`, `notes`, `encoding`, `file`,
   * `too-large`, `too-deep`.
   */
  code: string;
}

export const TRANSITIONS = ['none', 'fade', 'slide', 'convex', 'concave', 'zoom'] as const;
export type Transition = (typeof TRANSITIONS)[number];

export const SLIDE_CLASSES = ['title', 'divider', 'content', 'closing'] as const;

/** What a slide's YAML front matter may say. Unknown keys are reported. */
export interface SlideAttributes {
  /**
   * URL hash of the slide: lowercase ASCII letters, digits and dashes, starting with a letter
   * (never all digits, which reveal.js reads as slide numbers); defaults to `slide-N`.
   */
  id?: string;
  /** Layout class on the `<section>`: title, divider, content, closing, or any class the theme knows. */
  class?: string;
  transition?: Transition;
  /** A CSS colour for the slide background. */
  background?: string;
  /** Seconds the presenter plans for this slide (reveal's `data-timing`). */
  timing?: number;
  /** Minutes the presenter plans for this slide (another way to say `timing`). */
  minutes?: number;
  /** Minutes planned for the part this slide opens, up to the next slide with `part-minutes`. */
  'part-minutes'?: number;
  /** `items`: each top-level list item is its own build step. */
  build?: 'items';
}

/** Deck-wide metadata from `slides/deck.yaml`. */
export interface DeckMeta {
  title: string;
  author: string;
  venue?: string;
  /** A BCP 47 language tag (`zh-CN`, `en-GB`), written into `<html lang>`. */
  lang: string;
  /** Planned length of the talk in minutes (1–600). */
  duration?: number;
}

/** One slide, ready to show: Markdown, math and charts are already HTML. */
export interface Slide {
  /** 0-based position in the deck. */
  index: number;
  id: string;
  /** Plain text of the slide's first heading ('' if none); used for the outline and announcements. */
  title: string;
  /** Heading level of that title (1 for title and part dividers, 2 for content slides). */
  level: number;
  html: string;
  notesHtml: string;
  /** Notes as plain text, for the presenter and the handout. */
  notesText: string;
  /** Number of build steps (fragments) on the slide. */
  steps: number;
  attributes: SlideAttributes;
  source: SourceRef;
  /** True when the slide could not be built: `html` then shows the problem in place of the slide. */
  broken?: boolean;
}

export interface Deck {
  meta: DeckMeta;
  slides: Slide[];
  diagnostics: Diagnostic[];
}
