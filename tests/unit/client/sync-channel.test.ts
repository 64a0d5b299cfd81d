import { afterEach, describe, expect, test } from 'vitest';
import { openSyncChannel, type SyncChannel } from '../../../src/client/sync/sync-channel.js';
import {
  MAX_MESSAGE_BYTES,
  parseMessage,
  wireMessage,
  type DeckMessage,
} from '../../../src/shared/sync-protocol.js';

const DECK = '大模型发展机会与挑战';
const STATE = { h: 3, f: 1, overview: false, paused: true };
const STAMP = { time: 1_700_000_000_000, by: 'window-a' };

describe('parseMessage', () => {
  test('accepts a pointer on the slide or gone, from the phone too, and nothing off the slide', () => {
    const at = wireMessage({ type: 'pointer', at: { x: 0.25, y: 1 } }, 'phone-a', 'phone', DECK);
    expect(parseMessage(at, DECK)).toEqual({
      type: 'pointer',
      from: 'phone-a',
      role: 'phone',
      at: { x: 0.25, y: 1 },
    });
    const gone = wireMessage({ type: 'pointer', at: null }, 'phone-a', 'phone', DECK);
    expect(parseMessage(gone, DECK)).toEqual({ type: 'pointer', from: 'phone-a', role: 'phone', at: null });
    for (const bad of [
      { x: -0.1, y: 0.5 },
      { x: 0.5, y: 1.01 },
      { x: Number.NaN, y: 0 },
      { x: '0.5', y: 0 },
      {},
      undefined,
    ])
      expect(parseMessage({ ...at, at: bad }, DECK)).toBeNull();
    expect(parseMessage({ ...at, role: 'admin' }, DECK)).toBeNull();
    expect(JSON.stringify(at).length).toBeLessThan(MAX_MESSAGE_BYTES);
  });

  test('accepts what the channel sends', () => {
    const hello = wireMessage({ type: 'hello' }, 'window-a', 'audience', DECK);
    expect(parseMessage(hello, DECK)).toEqual({ type: 'hello', from: 'window-a', role: 'audience' });
    const state = wireMessage(
      { type: 'state', state: STATE, stamp: STAMP, to: 'window-b' },
      'window-a',
      'presenter',
      DECK,
    );
    expect(parseMessage(state, DECK)).toEqual({
      type: 'state',
      from: 'window-a',
      role: 'presenter',
      state: STATE,
      stamp: STAMP,
      to: 'window-b',
    });
  });

  test('drops messages of another deck or another application', () => {
    expect(parseMessage(wireMessage({ type: 'hello' }, 'a', 'audience', 'other talk'), DECK)).toBeNull();
    expect(
      parseMessage({ ...wireMessage({ type: 'hello' }, 'a', 'audience', DECK), app: 'reveal' }, DECK),
    ).toBeNull();
    expect(parseMessage({ ...wireMessage({ type: 'hello' }, 'a', 'audience', DECK), v: 2 }, DECK)).toBeNull();
    // reveal.js's own postMessage format
    expect(parseMessage(JSON.stringify({ namespace: 'reveal', eventName: 'slidechanged' }), DECK)).toBeNull();
  });

  const good = wireMessage({ type: 'state', state: STATE, stamp: STAMP }, 'window-a', 'audience', DECK);
  test.each([
    ['null', null],
    ['a string', 'hello'],
    ['an array', [good]],
    ['an unknown type', { ...good, type: 'navigate' }],
    ['an unknown role', { ...good, role: 'admin' }],
    ['no sender', { ...good, from: '' }],
    ['a huge sender id', { ...good, from: 'x'.repeat(500) }],
    ['a negative slide', { ...good, state: { ...STATE, h: -1 } }],
    ['a fractional step', { ...good, state: { ...STATE, f: 0.5 } }],
    ['a step below -1', { ...good, state: { ...STATE, f: -2 } }],
    ['a slide as a string', { ...good, state: { ...STATE, h: '3' } }],
    ['overview not a boolean', { ...good, state: { ...STATE, overview: 'yes' } }],
    ['no stamp', { ...good, stamp: undefined }],
    ['a stamp of NaN', { ...good, stamp: { time: Number.NaN, by: 'a' } }],
    ['an addressee that is not an id', { ...good, to: 42 }],
  ])('drops a state message with %s', (_, data) => {
    expect(parseMessage(data, DECK)).toBeNull();
  });
});

describe('openSyncChannel (BroadcastChannel)', () => {
  const open: SyncChannel[] = [];
  afterEach(() => open.splice(0).forEach((c) => c.close()));

  test('delivers valid messages to the other windows only, and never malformed ones', async () => {
    const received: DeckMessage[] = [];
    const audience = openSyncChannel(DECK, 'audience', (m) => received.push(m));
    const presenter = openSyncChannel(DECK, 'presenter', () => {});
    open.push(audience, presenter);
    expect(audience.transport).toBe('broadcast');
    const raw = new BroadcastChannel(`deck-sync:${DECK}`);
    raw.postMessage({ junk: true });
    raw.postMessage(
      wireMessage({ type: 'state', state: { ...STATE, h: -5 }, stamp: STAMP }, 'evil', 'presenter', DECK),
    );
    raw.close();
    presenter.send({ type: 'state', state: STATE, stamp: STAMP });
    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toMatchObject({ type: 'state', role: 'presenter', from: presenter.id, state: STATE });
  });
});
