import { expect, test } from 'vitest';
import { skipHashEcho } from '../../../src/client/audience/reveal-hash-echo.js';

interface Indices {
  h: number;
  v: number;
  f?: number;
}

/** A stand-in for reveal's internal deck: the hash names `wanted`, the deck shows `shown`. */
function fakeDeck(shown: Indices) {
  const state = { wanted: null as Indices | null, reads: 0 };
  const location = {
    readURL() {
      state.reads++;
    },
    getIndicesFromHash: () => state.wanted,
  };
  return { deck: { location, getIndices: () => shown }, state };
}

test('the echo of the place already shown (slide and step) is skipped', () => {
  const { deck, state } = fakeDeck({ h: 4, v: 0, f: 1 });
  skipHashEcho(deck);
  state.wanted = { h: 4, v: 0, f: 1 };
  deck.location.readURL();
  state.wanted = { h: 4, v: 0 };
  deck.location.readURL();
  expect(state.reads).toBe(0);
});

test('any other hash navigates: another slide, another step, or none that matches', () => {
  const { deck, state } = fakeDeck({ h: 4, v: 0, f: 1 });
  skipHashEcho(deck);
  for (const wanted of [{ h: 5, v: 0 }, { h: 4, v: 0, f: 2 }, { h: 4, v: 1 }, null]) {
    state.wanted = wanted;
    deck.location.readURL();
  }
  expect(state.reads).toBe(4);
});

test('a reveal.js without a location controller is left alone', () => {
  const deck = { getIndices: () => ({ h: 0, v: 0 }) };
  skipHashEcho(deck);
  expect(Object.keys(deck)).toEqual(['getIndices']);
});
