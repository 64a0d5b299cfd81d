// The browser's end of the relay of `npm run present -- --remote`: a WebSocket to the server the
// page came from, opened by a page that holds the pairing token (the console, the phone). It
// reconnects with a short, capped backoff, so a phone is back in step within seconds of the relay
// returning, and tells listeners how it is doing (for the console's and the phone's status).
import { MAX_MESSAGE_BYTES } from '../../shared/sync-protocol.js';

export type RelayStatus = 'off' | 'connecting' | 'connected' | 'refused';

const TOKEN_PARAM = 'token';
const TOKEN_KEY = 'deck-remote:token';
/** What the server hands out: base64url, at least 128 bits. Anything else is not worth sending. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22,128}$/;
const RELAY_PATH = 'relay';
const PAIRING_PATH = 'remote/pairing';
/** Reconnection delays: doubling from the first, never above the cap, so a returning relay is found within ~1 s. */
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 800;
/** Spread so that several pages do not knock at the same instant. */
const JITTER_MS = 200;

/**
 * The pairing token: the URL's `token` parameter (remembered in this origin's localStorage, so a
 * console opened later with S finds it), else the remembered one; null when there is none.
 */
export function pairingToken(): string | null {
  if (typeof location === 'undefined') return null;
  const fromUrl = new URLSearchParams(location.search).get(TOKEN_PARAM);
  if (fromUrl !== null && TOKEN_SHAPE.test(fromUrl)) {
    try {
      localStorage.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // storage blocked: the token still works for this page
    }
    return fromUrl;
  }
  try {
    const stored = localStorage.getItem(TOKEN_KEY);
    return stored !== null && TOKEN_SHAPE.test(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** Remembers the URL's token, then takes it out of the address bar (an audience screen is photographed). */
export function keepTokenOutOfSight(): void {
  if (typeof location === 'undefined' || pairingToken() === null) return;
  const url = new URL(location.href);
  if (!url.searchParams.has(TOKEN_PARAM)) return;
  url.searchParams.delete(TOKEN_PARAM);
  history.replaceState(history.state, '', url.href);
}

let status: RelayStatus = 'off';
const listeners = new Set<(status: RelayStatus) => void>();

function setStatus(next: RelayStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener(status);
}

/** Calls `listener` with the relay's status now and on every change; returns the way to stop. */
export function onRelayStatus(listener: (status: RelayStatus) => void): () => void {
  listeners.add(listener);
  listener(status);
  return () => listeners.delete(listener);
}

export interface RelayLink {
  /** Sends a wire message if connected; dropped otherwise (the hello on reconnecting catches up). */
  send(data: unknown): void;
  close(): void;
}

/**
 * Connects to the relay of the server this page came from, when the page holds a token and came
 * over http(s); null otherwise. `onData` gets every text message (unchecked: the caller parses);
 * `onConnect` runs on every (re)connection.
 */
export function openRelayLink(onData: (data: unknown) => void, onConnect: () => void): RelayLink | null {
  const token = pairingToken();
  if (token === null || typeof WebSocket !== 'function' || !/^https?:$/.test(location.protocol)) return null;
  const base = new URL('./', location.href);
  const socketUrl = new URL(`${RELAY_PATH}?${TOKEN_PARAM}=${token}`, base);
  socketUrl.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const pairingUrl = new URL(`${PAIRING_PATH}?${TOKEN_PARAM}=${token}`, base).href;
  let socket: WebSocket | null = null;
  let retries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const connect = () => {
    if (closed) return;
    if (status !== 'refused') setStatus('connecting');
    let opened = false;
    const ws = new WebSocket(socketUrl.href);
    socket = ws;
    ws.addEventListener('open', () => {
      opened = true;
      retries = 0;
      setStatus('connected');
      onConnect();
    });
    ws.addEventListener('message', (event: MessageEvent) => {
      if (typeof event.data !== 'string' || event.data.length > MAX_MESSAGE_BYTES) return;
      try {
        onData(JSON.parse(event.data));
      } catch {
        // not JSON: not ours
      }
    });
    ws.addEventListener('close', () => {
      if (socket === ws) socket = null;
      if (closed) return;
      if (opened) setStatus('connecting');
      // A browser does not say why an upgrade failed: the pairing endpoint does (403: wrong token).
      else void checkRefused();
      retryTimer = setTimeout(connect, retryDelay(retries++));
    });
  };
  const checkRefused = async () => {
    try {
      const response = await fetch(pairingUrl, { cache: 'no-store' });
      if (!closed && socket?.readyState !== WebSocket.OPEN)
        setStatus(response.status === 403 ? 'refused' : 'connecting');
    } catch {
      // the server is away: still connecting
    }
  };

  connect();
  return {
    send(data) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(data));
    },
    close() {
      closed = true;
      clearTimeout(retryTimer);
      socket?.close();
      socket = null;
      setStatus('off');
    },
  };
}

function retryDelay(retries: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** retries) + Math.random() * JITTER_MS;
}
