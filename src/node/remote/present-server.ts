// The server of `npm run present`: the built deck over HTTP and, with `remote`, the relay, the
// pairing endpoint and the phone's refusal page, all on one port.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '../cli/static-server.js';
import { parseDeckMeta } from '../markdown/deck-meta.js';
import { DECK_META_FILE } from '../markdown/load-deck.js';
import { publicHost } from './lan-address.js';
import { loadPairingToken } from './pairing-token.js';
import { pairingCodes, pairingRoutes, remoteUrls, type PairingCodes, type RemoteUrls } from './pairing.js';
import { attachRelay, type Relay } from './relay.js';

export interface PresentServerOptions {
  /** The built deck. */
  dist: string;
  /** The slides it was built from (the relay checks messages against the deck's title). */
  slides: string;
  host: string;
  port: number;
  /** Serve the relay too; else the deck alone, as a static host would. */
  remote: boolean;
  tokenFile: string;
  newToken?: boolean;
}

export interface PresentServer {
  /** Where to reach it: `deck` always, `console` and `phone` (with the token) when remote. */
  urls: RemoteUrls;
  /** When remote: the token, the relay and the phone URL's QR codes. */
  remote: { token: string; relay: Relay; codes: PairingCodes } | null;
  close(): Promise<void>;
}

/** The deck's key as the browser computes it (main.ts: `deck.meta.title`). */
export function deckKeyOf(slides: string): string {
  const file = join(slides, DECK_META_FILE);
  return parseDeckMeta(readFileSync(file, 'utf8'), file).meta.title;
}

export async function startPresentServer(options: PresentServerOptions): Promise<PresentServer> {
  if (!options.remote) {
    const server = await serveStatic(options.dist, { host: options.host, port: options.port });
    const origin = `http://${publicHost(options.host)}:${server.port}`;
    return {
      urls: { deck: `${origin}/`, console: `${origin}/?presenter`, phone: '' },
      remote: null,
      close: () => server.close(),
    };
  }
  const token = loadPairingToken(options.tokenFile, { renew: options.newToken ?? false });
  const deckKey = deckKeyOf(options.slides);
  // The phone's URL needs the port, known once listening; until then the endpoint has it empty.
  const pairing = { phone: '', qrSvg: '' };
  const server = await serveStatic(options.dist, {
    host: options.host,
    port: options.port,
    handle: pairingRoutes(token, pairing),
  });
  const urls = remoteUrls(`http://${publicHost(options.host)}:${server.port}`, token);
  const codes = await pairingCodes(urls.phone);
  Object.assign(pairing, { phone: urls.phone, qrSvg: codes.svg });
  const relay = attachRelay(server.server, { deckKey, token });
  return {
    urls,
    remote: { token, relay, codes },
    close: async () => {
      await relay.close();
      await server.close();
    },
  };
}
