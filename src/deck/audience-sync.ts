// Keeps the audience window and the presenter console on the same slide and build step.
import type { RevealApi } from 'reveal.js';
import { openSyncChannel } from './sync-channel.js';

/** Publishes every move of `deck` and follows moves made in the presenter console. Returns an undo. */
export function syncAudience(deck: RevealApi, deckKey: string): () => void {
  const position = () => {
    const { h, f } = deck.getIndices();
    return { h, f: f ?? -1 };
  };
  const channel = openSyncChannel(deckKey, (message) => {
    if (message.from !== 'presenter') return;
    if (message.type === 'hello') channel.send({ type: 'position', from: 'audience', position: position() });
    if (message.type === 'position') deck.slide(message.position.h, 0, message.position.f);
  });
  const publish = () => channel.send({ type: 'position', from: 'audience', position: position() });
  const events = ['slidechanged', 'fragmentshown', 'fragmenthidden'] as const;
  for (const name of events) deck.on(name, publish);
  channel.send({ type: 'hello', from: 'audience' });
  publish();
  return () => {
    for (const name of events) deck.off(name, publish);
    channel.close();
  };
}

/** The presenter console's URL: this page with `?presenter`, keeping the current hash. */
export function presenterUrl(): string {
  const url = new URL(window.location.href);
  url.searchParams.set('presenter', '');
  return url.href.replace('presenter=', 'presenter');
}
