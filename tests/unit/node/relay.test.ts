// The relay with a real WebSocket server on 127.0.0.1 and `ws` clients, as a phone and a console
// would connect.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { WebSocket } from 'ws';
import { attachRelay, type Relay } from '../../../src/node/remote/relay.js';
import { MAX_MESSAGE_BYTES, parseMessage, wireMessage } from '../../../src/shared/sync-protocol.js';
import { relayClient, upgradeStatus } from '../../fixtures/relay-client.js';

const DECK = '大模型发展机会与挑战';
const TOKEN = 'k3Q0vYbVnq8x3w0Gm1bXxg3f0m0nX9dYwZ8q9uL2aTs';
const STATE = { h: 2, f: 0, overview: false, paused: false };
const state = (from: string, h = 2) =>
  wireMessage(
    { type: 'state', state: { ...STATE, h }, stamp: { time: 10 + h, by: from } },
    from,
    'phone',
    DECK,
  );

let server: Server;
let relay: Relay;
let base: string;
const clients: WebSocket[] = [];

beforeEach(async () => {
  server = createServer((_, response) => response.writeHead(404).end());
  relay = attachRelay(server, { deckKey: DECK, token: TOKEN });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  for (const client of clients.splice(0)) client.terminate();
  await relay.close();
  await new Promise<void>((done) => server.close(() => done()));
});

/** A connected client and everything it receives, parsed. */
async function connect(token: string | null = TOKEN) {
  const client = await relayClient(token === null ? `${base}/relay` : `${base}/relay?token=${token}`);
  clients.push(client.ws);
  return client;
}

describe('attachRelay', () => {
  test('refuses a missing or wrong token with 403 and any other path with 404, with no connection', async () => {
    expect(await upgradeStatus(`${base}/relay`)).toBe(403);
    expect(await upgradeStatus(`${base}/relay?token=`)).toBe(403);
    expect(await upgradeStatus(`${base}/relay?token=${TOKEN.slice(0, -1)}x`)).toBe(403);
    expect(await upgradeStatus(`${base}/relay?token=${TOKEN}x`)).toBe(403);
    expect(await upgradeStatus(`${base}/other?token=${TOKEN}`)).toBe(404);
    expect(relay.size).toBe(0);
  });

  test('passes a valid message to every other connection, never back to its sender', async () => {
    const phone = await connect();
    const consoleA = await connect();
    const consoleB = await connect();
    phone.send(state('phone-1'));
    await expect.poll(() => consoleA.received.length + consoleB.received.length).toBe(2);
    for (const { received } of [consoleA, consoleB])
      expect(parseMessage(received[0], DECK)).toMatchObject({ type: 'state', from: 'phone-1', state: STATE });
    consoleA.send(wireMessage({ type: 'pointer', at: { x: 0.5, y: 0.25 } }, 'console-a', 'presenter', DECK));
    await expect.poll(() => phone.received.length).toBe(1);
    expect(consoleB.received).toHaveLength(2);
    expect(consoleA.received).toHaveLength(1);
    expect(relay.counts.relayed).toBe(2);
  });

  test('drops malformed messages, other decks and binary frames, and passes on only the fields it knows', async () => {
    const sender = await connect();
    const receiver = await connect();
    sender.send({ junk: true });
    sender.ws.send('not json');
    sender.ws.send(Buffer.from(JSON.stringify(state('phone-1'))), { binary: true });
    sender.send(wireMessage({ type: 'hello' }, 'phone-1', 'phone', 'another talk'));
    sender.send({ ...state('phone-1'), role: 'admin' });
    sender.send({ ...state('phone-1'), state: { ...STATE, h: -1 } });
    sender.send({ ...state('phone-1', 5), extra: '<script>' });
    await expect.poll(() => receiver.received.length).toBe(1);
    expect(receiver.received[0]).toEqual(state('phone-1', 5));
    expect(relay.counts.malformed).toBe(6);
  });

  test('closes a connection that sends a message over the size cap', async () => {
    const sender = await connect();
    sender.send({ ...state('phone-1'), padding: 'x'.repeat(MAX_MESSAGE_BYTES) });
    expect(await sender.closed).toBe(1009);
  });

  test('holds a flooding client to its rate, then closes it; the others keep talking', async () => {
    const flooder = await connect();
    const receiver = await connect();
    const other = await connect();
    for (let i = 0; i < 1000; i++) flooder.send(state('flooder', i % 20));
    expect(await flooder.closed).toBe(1008);
    expect(relay.counts.relayed).toBeLessThan(1000);
    expect(relay.counts.limited).toBeGreaterThan(0);
    const before = receiver.received.length;
    other.send(state('other', 7));
    await expect.poll(() => receiver.received.length).toBe(before + 1);
    expect(receiver.received.at(-1)).toEqual(state('other', 7));
  });
});
