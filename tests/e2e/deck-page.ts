// The deck as an audience member drives it: open a slide, press keys, read where we are.
// Specs import `test` and `expect` from here and get a ready `deck` fixture.
import { test as base, expect, type CDPSession, type Locator, type Page } from '@playwright/test';

/** Where the deck is: the current slide's id and how many of its build items are shown. */
export interface DeckPosition {
  id: string;
  step: number;
}

/** Han text of one element and the fonts Chromium actually drew it with. */
export interface HanTextFonts {
  slide: string;
  /** Tag name and first class, e.g. `span.cjk_fallback`. */
  element: string;
  text: string;
  /** False when the element has no layout box (e.g. inside `display: none`): nothing is drawn. */
  rendered: boolean;
  fonts: { family: string; postScriptName: string; custom: boolean }[];
}

const HAN = /\p{Script=Han}/u;

/** The family name inside the bundled font file (served to the page as 'Deck Sans'). */
export const BUNDLED_FAMILY = 'Source Han Sans SC';

/** Han text drawn by anything but the bundled web font, as `slide-id: text → font`. */
export function foreignFonts(runs: HanTextFonts[]): string[] {
  return runs
    .filter(
      (run) => run.fonts.length === 0 || run.fonts.some((f) => !f.custom || f.family !== BUNDLED_FAMILY),
    )
    .map(
      (run) =>
        `${run.slide}: ${run.text} (${run.element}) → ${run.fonts.map((f) => `${f.family} (${f.custom ? 'web' : 'system'})`).join(', ') || 'no font'}`,
    );
}
const CURRENT = '.reveal .slides > section.present';

export class DeckPage {
  /** Every URL the page requested, in order. */
  readonly requests: string[] = [];
  /** Console errors and uncaught exceptions, as text. */
  readonly errors: string[] = [];
  private cdp: CDPSession | null = null;

  constructor(readonly page: Page) {
    page.on('request', (request) => this.requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
  }

  /** The slide on screen. */
  get currentSlide(): Locator {
    return this.page.locator(CURRENT);
  }

  /** The heading (h1 or h2) of the slide on screen. */
  get heading(): Locator {
    return this.currentSlide.locator('.slide-frame').locator('h1, h2');
  }

  /** All slides, in deck order. */
  get slides(): Locator {
    return this.page.locator('.reveal .slides > section');
  }

  /** Opens the deck (on slide `id`, or the first) and waits until reveal.js and the fonts are ready. */
  async goto(id?: string, url = './'): Promise<void> {
    await this.page.goto(id ? `${url}#/${id}` : url);
    await this.waitUntilReady();
  }

  /** Waits for `html[data-deck-ready]`, set once reveal.js is ready and the fonts have loaded. */
  async waitUntilReady(): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-deck-ready', 'true');
  }

  /** Presses a key as a presenter (or a clicker) would. */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** One step forward: the next build item, or the next slide. */
  async next(): Promise<void> {
    await this.press('ArrowRight');
  }

  /** One step back. */
  async previous(): Promise<void> {
    await this.press('ArrowLeft');
  }

  /** The current slide id and the number of its build items shown. */
  async current(): Promise<DeckPosition> {
    return this.page.evaluate((selector) => {
      const slide = document.querySelector(selector);
      return { id: slide?.id ?? '', step: slide?.querySelectorAll('.fragment.visible').length ?? 0 };
    }, CURRENT);
  }

  /** Waits until the deck is at `position` (the step defaults to "any"). */
  async expectAt(id: string, step?: number): Promise<void> {
    if (step === undefined) await expect.poll(async () => (await this.current()).id).toBe(id);
    else await expect.poll(() => this.current()).toEqual({ id, step });
  }

  /** Presses → until every build item of the current slide is shown. */
  async showAllSteps(): Promise<void> {
    const total = await this.currentSlide.locator('.fragment').count();
    const { id } = await this.current();
    for (let step = (await this.current()).step; step < total; step++) {
      await this.next();
      await this.expectAt(id, step + 1);
    }
  }

  /** Shows the rest of this slide's build, then moves to the next slide; returns its id. */
  async nextSlide(): Promise<string> {
    await this.showAllSteps();
    const { id } = await this.current();
    await this.next();
    await expect.poll(async () => (await this.current()).id).not.toBe(id);
    return (await this.current()).id;
  }

  /** Visits every slide from the first, with all its build items shown, and calls `visit` there. */
  async walk(visit: (id: string, index: number) => Promise<void>): Promise<void> {
    await this.goto();
    const total = await this.slides.count();
    for (let index = 0; index < total; index++) {
      if (index > 0) await this.nextSlide();
      await this.showAllSteps();
      await expect(this.currentSlide.locator('.fragment:not(.visible)')).toHaveCount(0);
      await visit((await this.current()).id, index);
    }
  }

  /**
   * The deck font's faces as distinct `weight status` pairs, e.g. `['400 loaded', '700 loaded']`
   * (a weight may be split into several unicode-range files; each file is one face).
   */
  async fontFaces(): Promise<string[]> {
    const faces = await this.page.evaluate(() =>
      [...document.fonts]
        .filter((face) => face.family.replace(/["']/g, '') === 'Deck Sans')
        .map((face) => `${face.weight} ${face.status}`),
    );
    return [...new Set(faces)].sort();
  }

  /** Elements and text runs of the current slide that lie outside its 1280×720 frame, as `file:line (slide-id): element "text"`. */
  async spills(): Promise<string[]> {
    return this.currentSlide.evaluate(async (section) => {
      // Measure the slide at rest, not mid-way through its entrance animation.
      await Promise.all(document.getAnimations().map((a) => a.finished));
      const where = `${section.dataset.source} (${section.id})`;
      const frameElement = section.querySelector('.slide-frame');
      if (!frameElement) return [`${where}: no .slide-frame`];
      const frame = frameElement.getBoundingClientRect();
      const size = `${Math.round(frame.width)}×${Math.round(frame.height)}`;
      if (size !== '1280×720') return [`${where}: frame is ${size}`];
      const outside = (r: DOMRect) =>
        r.width * r.height > 0 &&
        (r.left < frame.left - 1 ||
          r.top < frame.top - 1 ||
          r.right > frame.right + 1 ||
          r.bottom > frame.bottom + 1);
      // KaTeX's MathML copy is for screen readers, clipped to nothing on screen: it cannot spill.
      const unseen = (el: Element | null) => Boolean(el?.closest('.katex-mathml'));
      const label = (text: string | null) => `"${(text ?? '').trim().slice(0, 24)}"`;
      const found: string[] = [];
      for (const el of frameElement.querySelectorAll('*')) {
        const name = el.localName + (el.classList.length > 0 ? `.${el.classList[0]}` : '');
        if (!unseen(el) && outside(el.getBoundingClientRect()))
          found.push(`${where}: ${name} ${label(el.textContent)}`);
      }
      // Text can overflow a box that itself fits (an unbreakable run): check the text itself too.
      const walker = document.createTreeWalker(frameElement, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(node);
        if (!unseen(node.parentElement) && [...range.getClientRects()].some(outside))
          found.push(`${where}: text ${label(node.textContent)}`);
      }
      return found;
    });
  }

  /** Swipes across the slide with a real touch gesture (CDP touch input): 'left' goes forward. */
  async swipe(direction: 'left' | 'right'): Promise<void> {
    const cdp = await this.devtools();
    const [from, to] = direction === 'left' ? [900, 300] : [300, 900];
    const y = 360;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from, y }] });
    for (let i = 1; i <= 6; i++) {
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [{ x: from + ((to - from) * i) / 6, y }],
      });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }

  /** For every element in `scope` with Han text of its own, the fonts Chromium drew that text with. */
  async hanTextFonts(scope = `${CURRENT} *`): Promise<HanTextFonts[]> {
    const cdp = await this.devtools();
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: scope });
    // Same selector, same document order: the i-th element here is the i-th node id above.
    const elements = await this.page.evaluate((selector) => {
      return [...document.querySelectorAll(selector)].map((element) => ({
        slide: element.closest('.reveal .slides > section')?.id ?? '',
        element: element.localName + (element.classList.length > 0 ? `.${element.classList[0]}` : ''),
        text: [...element.childNodes]
          .filter((node) => node.nodeType === Node.TEXT_NODE)
          .map((node) => node.textContent ?? '')
          .join('')
          .trim(),
        rendered: element.getClientRects().length > 0,
      }));
    }, scope);
    expect(nodeIds.length, `CDP and the page disagree on ${scope}`).toBe(elements.length);
    const result: HanTextFonts[] = [];
    for (const [i, element] of elements.entries()) {
      if (!HAN.test(element.text)) continue;
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: nodeIds[i]! });
      result.push({
        ...element,
        fonts: fonts.map((f) => ({
          family: f.familyName,
          postScriptName: f.postScriptName,
          custom: f.isCustomFont,
        })),
      });
    }
    return result;
  }

  /** A DevTools session on the page, with the DOM and CSS domains on. */
  private async devtools(): Promise<CDPSession> {
    if (!this.cdp) {
      this.cdp = await this.page.context().newCDPSession(this.page);
      await this.cdp.send('DOM.enable');
      await this.cdp.send('CSS.enable');
    }
    return this.cdp;
  }
}

export const test = base.extend<{ deck: DeckPage }>({
  deck: async ({ page }, use) => {
    await use(new DeckPage(page));
  },
});

export { expect };
