// `npm run present`: builds the deck when its sources changed, serves it and opens it in the
// browser. With --remote it also serves the relay that lets the presenter's phone drive the talk,
// on the local network, and prints the deck's, the console's and the phone's addresses and a QR
// code of the phone's.
//
//   npm run present -- [--remote] [--host addr] [--port n] [--no-open] [--new-token] [--dist dir] [--no-build]
import { resolve } from 'node:path';
import { isMainModule, readArgs, usageError, wholeNumber } from '../cli/args.js';
import { openBrowser } from '../cli/open-browser.js';
import { BuildError, ensureBuilt } from '../cli/vite-build.js';
import { PROJECT_ROOT } from '../project-path.js';
import { DEFAULT_TOKEN_FILE } from '../remote/pairing-token.js';
import { startPresentServer, type PresentServer } from '../remote/present-server.js';

const CLI = {
  name: 'present',
  about: `Serves the built deck (building it first when its sources changed) and opens it in the browser.
With --remote, the presenter's phone drives the talk over the local network: open the printed
phone address, or scan the QR code, on a phone on the same network.`,
  options: {
    remote: {
      type: 'boolean',
      help: 'serve the relay for the phone and print the deck, console and phone addresses (default: the deck alone, on loopback)',
    },
    host: {
      type: 'string',
      value: 'addr',
      help: 'address to listen on (default: 0.0.0.0, every interface, with --remote; 127.0.0.1 otherwise)',
    },
    port: { type: 'string', value: 'n', default: '4173', help: 'port to listen on' },
    'no-open': { type: 'boolean', help: 'do not open the deck in the default browser' },
    'new-token': {
      type: 'boolean',
      help: 'with --remote: make a new pairing token (a phone paired before must scan again)',
    },
    'token-file': {
      type: 'string',
      value: 'file',
      default: DEFAULT_TOKEN_FILE,
      help: 'where the pairing token is kept (owner-only permissions)',
    },
    dist: {
      type: 'string',
      value: 'dir',
      default: process.env.DECK_DIST ?? 'dist',
      help: 'the built deck, $DECK_DIST if set',
    },
    'no-build': {
      type: 'boolean',
      help: 'serve the deck in <dist> as it is, even if older than its sources',
    },
  },
} as const;

/** The lines a person reads: `name: URL`, then the phone's QR code. */
export function announce(server: PresentServer): string {
  const { urls, remote } = server;
  if (!remote) return [`deck: ${urls.deck}`, `console: ${urls.console}`].join('\n');
  return [
    `deck: ${urls.deck}`,
    `console: ${urls.console}`,
    `phone: ${urls.phone}`,
    '',
    'Scan with the phone (same network) · 用手机扫码（同一网络）:',
    remote.codes.terminal,
  ].join('\n');
}

async function main(): Promise<void> {
  const args = readArgs(CLI);
  const port = wholeNumber(CLI, 'port', args.port);
  if (port > 65_535) usageError(CLI, `--port must be at most 65535, not ${port}`);
  if (args['new-token'] && !args.remote) usageError(CLI, '--new-token applies to --remote');
  const host = args.host ?? (args.remote ? '0.0.0.0' : '127.0.0.1');
  const slides = resolve(PROJECT_ROOT, process.env.DECK_SLIDES ?? 'slides');
  const progress = (message: string) => console.error(`present: ${message}`);
  if (!args['no-build']) await ensureBuilt({ slides, dist: args.dist }, progress);
  let server: PresentServer;
  try {
    server = await startPresentServer({
      dist: resolve(args.dist),
      slides,
      host,
      port,
      remote: args.remote,
      tokenFile: resolve(args['token-file']),
      newToken: args['new-token'],
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new PresentError(`port ${port} is in use: try --port ${port + 1}`);
    if (code === 'EADDRNOTAVAIL') throw new PresentError(`${host} is not an address of this machine`);
    throw error;
  }
  console.log(announce(server));
  // The laptop's browser opens the deck with the token, which it keeps (and takes out of the
  // address bar): the console opened later with S then finds it and bridges the phone.
  if (!args['no-open'])
    openBrowser(server.remote ? `${server.urls.deck}?token=${server.remote.token}` : server.urls.deck);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

class PresentError extends Error {
  override name = 'PresentError';
}

if (isMainModule(import.meta.url)) {
  main().catch((error: unknown) => {
    const known = error instanceof PresentError || error instanceof BuildError;
    console.error(known ? `present failed: ${error.message}` : error);
    process.exit(1);
  });
}
