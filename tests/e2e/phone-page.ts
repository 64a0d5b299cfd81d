// The presenter's phone and the laptop's windows as the phone tests drive them: open, tap, swipe,
// drag a finger over the preview (real touch input through DevTools), and read the laser dot.
import { expect, type CDPSession, type Locator, type Page } from '@playwright/test';
import { TALK_SLIDES } from '../fixtures/talk-outline.js';

export const PHONE_VIEWPORT = { width: 390, height: 844 };

/** A point as fractions of a box. */
export interface Fraction {
  x: number;
  y: number;
}

/**
 * Collects uncaught errors and console errors of a page, to assert there were none; `expected`
 * matches console errors the test causes on purpose (the browser logs a relay that went away).
 */
export function trackErrors(page: Page, expected?: RegExp): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected?.test(message.text()))
      errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** The laser dot must land within 2% of the slide's width and height of the touched point. */
export const POINTER_TOLERANCE = 0.02;

/** Where the center of `dot` lies in `frame`, as fractions; null when either has no box. */
export async function centerIn(dot: Locator, frame: Locator): Promise<Fraction | null> {
  const [d, f] = [await dot.boundingBox(), await frame.boundingBox()];
  if (!d || !f) return null;
  return { x: (d.x + d.width / 2 - f.x) / f.width, y: (d.y + d.height / 2 - f.y) / f.height };
}

/** Waits until the audience page's laser dot shows within POINTER_TOLERANCE of `at` on its slide. */
export async function expectDotAt(audience: Page, at: Fraction): Promise<void> {
  const dot = audience.locator('.laser-pointer');
  await expect(dot).toBeVisible();
  const off = async () => {
    const c = await centerIn(dot, audience.locator('.reveal .slides'));
    return c === null ? Infinity : Math.max(Math.abs(c.x - at.x), Math.abs(c.y - at.y));
  };
  await expect.poll(off, { message: `laser dot at ${at.x}, ${at.y}` }).toBeLessThanOrEqual(POINTER_TOLERANCE);
}

export class PhonePage {
  readonly errors: string[];
  private cdp: CDPSession | null = null;

  constructor(
    readonly page: Page,
    expected?: RegExp,
  ) {
    this.errors = trackErrors(page, expected);
  }

  /** Opens the phone remote at `url` (default `./?phone`) and waits until it is drawn with its font. */
  async goto(url = './?phone'): Promise<void> {
    await this.page.setViewportSize(PHONE_VIEWPORT);
    await this.page.goto(url);
    await this.ready();
  }

  async ready(): Promise<void> {
    await expect(this.page.locator('html')).toHaveAttribute('data-phone-ready', 'true');
  }

  get title(): Locator {
    return this.page.locator('#phone-title');
  }
  get where(): Locator {
    return this.page.locator('.phone-where');
  }
  get notes(): Locator {
    return this.page.locator('.phone-notes-text');
  }
  get clock(): Locator {
    return this.page.locator('.phone-clock');
  }
  get pacing(): Locator {
    return this.page.locator('.phone-pacing');
  }
  get relay(): Locator {
    return this.page.locator('.phone-relay');
  }
  get refused(): Locator {
    return this.page.locator('.phone-refused');
  }
  /** The slide frame inside the preview (letterboxed in its box). */
  get previewFrame(): Locator {
    return this.page.locator('.phone-preview .slide-preview-stage');
  }
  button(action: string): Locator {
    return this.page.locator(`button[data-action="${action}"]`);
  }

  /** Waits until the phone shows slide `index` at build step `step`: title, counter, preview. */
  async expectShowing(index: number, step = -1): Promise<void> {
    const slide = TALK_SLIDES[index]!;
    await expect(this.title).toHaveText(slide.title);
    const where = `幻灯片 ${index + 1} / ${TALK_SLIDES.length}`;
    await expect(this.where).toHaveText(
      slide.steps > 0 ? `${where} · 步骤 ${step + 1} / ${slide.steps}` : where,
    );
    await expect(this.page.locator('.phone-preview .fragment.visible')).toHaveCount(step + 1);
  }

  /** Taps a button with a finger. */
  async tap(action: string): Promise<void> {
    await this.button(action).tap();
  }

  /** Jumps through the slide list to slide `index`. */
  async jumpTo(index: number): Promise<void> {
    await this.page.getByRole('button', { name: '幻灯片列表' }).tap();
    const list = this.page.getByRole('dialog', { name: '幻灯片列表' });
    await expect(list).toBeVisible();
    await list.getByRole('button', { name: TALK_SLIDES[index]!.title }).tap();
    await expect(list).toBeHidden();
  }

  /** Swipes across the notes: 'left' goes forward. */
  async swipeNotes(direction: 'left' | 'right'): Promise<void> {
    const box = (await this.notes.boundingBox())!;
    const y = box.y + box.height / 2;
    const [from, to] =
      direction === 'left'
        ? [box.x + box.width * 0.85, box.x + box.width * 0.15]
        : [box.x + box.width * 0.15, box.x + box.width * 0.85];
    await this.touch('touchStart', from, y);
    for (let i = 1; i <= 5; i++) await this.touch('touchMove', from + ((to - from) * i) / 5, y);
    await this.touch('touchEnd');
  }

  /** Puts a finger down on the preview at `at` (fractions of the slide frame); returns where on screen. */
  async touchPreview(at: Fraction, type: 'touchStart' | 'touchMove' = 'touchStart'): Promise<void> {
    const frame = (await this.previewFrame.boundingBox())!;
    await this.touch(type, frame.x + at.x * frame.width, frame.y + at.y * frame.height);
  }

  /** Lifts the finger. */
  async lift(): Promise<void> {
    await this.touch('touchEnd');
  }

  private async touch(type: 'touchStart' | 'touchMove' | 'touchEnd', x = 0, y = 0): Promise<void> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    await this.cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [{ x, y }],
    });
  }
}
