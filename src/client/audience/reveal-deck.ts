// The one module that owns reveal.js: creates it with the deck's settings (reveal-config.ts) and
// hands the API on.
import Reveal from 'reveal.js';
import type { RevealApi, RevealConfig } from 'reveal.js';

/** Starts reveal.js on `.reveal` and resolves when it is ready. */
export async function startReveal(root: HTMLElement, config: RevealConfig): Promise<RevealApi> {
  // reveal.js itself is patched (patches/reveal.js+6.0.2.patch) so that a key press does only the
  // work the next frame needs, whatever the deck's length.
  const reveal = new Reveal(root, config);
  await reveal.initialize();
  return reveal;
}
