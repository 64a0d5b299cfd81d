import { expect, test } from 'vitest';
import { unloadOnce } from '../../../src/client/audience/reveal-unload-once.js';

/** A stand-in for reveal's SlideContent: unload hides the slide, load shows it, both counted. */
function fakeReveal() {
  const calls = { load: 0, unload: 0 };
  const slideContent = {
    load(slide: HTMLElement) {
      calls.load++;
      slide.style.display = 'block';
    },
    unload(slide: HTMLElement) {
      calls.unload++;
      slide.style.display = 'none';
    },
  };
  return { reveal: { slideContent }, calls };
}

const slide = () => ({ style: { display: '' } }) as HTMLElement;

test('a slide still unloaded is not unloaded again; after a load, or if something showed it, it is', () => {
  const { reveal, calls } = fakeReveal();
  unloadOnce(reveal);
  const a = slide();
  reveal.slideContent.unload(a);
  reveal.slideContent.unload(a);
  expect(calls.unload).toBe(1);
  reveal.slideContent.load(a);
  reveal.slideContent.unload(a);
  expect(calls.unload).toBe(2);
  a.style.display = 'block'; // shown by something other than load()
  reveal.slideContent.unload(a);
  expect(calls.unload).toBe(3);
  expect(calls.load).toBe(1);
});

test('a reveal.js without slideContent is left alone', () => {
  const reveal = {};
  unloadOnce(reveal);
  expect(reveal).toEqual({});
});
