import { test } from 'vitest';
import { loadDeck } from '../../src/build/load-deck.js';
test('probe', () => {
const { deck, images } = loadDeck('/work/main/slides', '/work/main');
console.log(deck.diagnostics, deck.slides.length, images);
for (const s of deck.slides) console.log(s.index, s.id, s.title, s.level, s.steps, s.source, s.notesText.length, s.broken);
});
