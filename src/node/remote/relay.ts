// The relay of `npm run present -- --remote`: a WebSocket endpoint on the deck's own server that
// passes the window-sync messages between the presenter's phone and the laptop's console (which
// bridges them to the audience windows). Every connection needs the pairing token; every message
// is checked by the browser's own parser, capped in size, rate-limited per connection, and sent
// to everyone but its sender.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES, parseMessage, wireMessage } from '../../shared/sync-protocol.js';
import { tokenMatches } from './pairing-token.js';
import { RELAY_RATE_LIMIT, rateLimiter, type RateLimit } from './rate-limit.js';

export const RELAY_PATH = '/relay';
/** WebSocket close code for a policy violation (RFC 6455): a client that keeps flooding. */
const POLICY_VIOLATION = 1008;
/** A client this far behind (a phone on a weak network) misses messages rather than piling them up. */
const MAX_BUFFERED_BYTES = 64 * 1024;
/** Pings find connections whose other end vanished without closing (a phone that slept). */
const PING_EVERY_MS = 15_000;

export interface RelayOptions {
  /** The deck's key (its title), as the browser sends it in every message. */
  deckKey: string;
  token: string;
  limit?: RateLimit;
  /** Clock for the rate limiter (ms). */
  now?: () => number;
}

export interface RelayCounts {
  /** Messages passed on (once per sender, however many receive them). */
  relayed: number;
  /** Messages that were not ours (bad JSON, binary, failed the parser). */
  malformed: number;
  /** Messages over the connection's rate. */
  limited: number;
}

export interface Relay {
  /** Open connections. */
  readonly size: number;
  readonly counts: RelayCounts;
  /** Closes every connection and stops answering upgrades. */
  close(): Promise<void>;
}

/** Answers WebSocket upgrades to `/relay?token=…` on `server`; anything else is refused there and then. */
export function attachRelay(server: Server, options: RelayOptions): Relay {
  const { deckKey, token, limit = RELAY_RATE_LIMIT, now = () => performance.now() } = options;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const counts: RelayCounts = { relayed: 0, malformed: 0, limited: 0 };
  const alive = new WeakSet<WebSocket>();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname !== RELAY_PATH) return refuse(socket, 404, 'Not Found');
    if (!tokenMatches(url.searchParams.get('token'), token)) return refuse(socket, 403, 'Forbidden');
    sockets.handleUpgrade(request, socket, head, (ws) => connect(ws));
  };

  const connect = (ws: WebSocket) => {
    const limiter = rateLimiter(limit);
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    ws.on('error', () => ws.terminate());
    ws.on('message', (data: RawData, isBinary: boolean) => {
      const verdict = limiter.take(now());
      if (verdict !== 'accept') {
        counts.limited += 1;
        if (verdict === 'flood') ws.close(POLICY_VIOLATION, 'too many messages');
        return;
      }
      const message = isBinary ? null : parseMessage(parseJson(data), deckKey);
      if (!message) {
        counts.malformed += 1;
        return;
      }
      counts.relayed += 1;
      // Sent as the parser read it: fields it does not know (a bridge's marks) stay behind.
      const text = JSON.stringify(wireMessage(message, message.from, message.role, deckKey));
      for (const other of sockets.clients)
        if (other !== ws && other.readyState === other.OPEN && other.bufferedAmount < MAX_BUFFERED_BYTES)
          other.send(text);
    });
  };

  const pinger = setInterval(() => {
    for (const ws of sockets.clients) {
      if (!alive.has(ws)) ws.terminate();
      else {
        alive.delete(ws);
        ws.ping();
      }
    }
  }, PING_EVERY_MS);
  pinger.unref();

  server.on('upgrade', onUpgrade);
  return {
    get size() {
      return sockets.clients.size;
    },
    counts,
    close: () =>
      new Promise<void>((done) => {
        clearInterval(pinger);
        server.off('upgrade', onUpgrade);
        for (const ws of sockets.clients) ws.terminate();
        sockets.close(() => done());
      }),
  };
}

function parseJson(data: RawData): unknown {
  try {
    const bytes = Buffer.isBuffer(data)
      ? data
      : Array.isArray(data)
        ? Buffer.concat(data)
        : Buffer.from(data);
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
}

/** Ends an upgrade with a plain HTTP answer: no WebSocket, no control. */
function refuse(socket: Duplex, status: number, reason: string): void {
  const body = `${status} ${reason}: the relay needs the pairing token of npm run present -- --remote\n`;
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
