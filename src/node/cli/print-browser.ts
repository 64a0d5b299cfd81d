// A headless Chromium that opens pages and prints them to PDF, for `npm run export`: found and
// flagged as for the tests (chromium.ts), driven over the DevTools protocol's pipe (cdp-pipe.ts)
// rather than through Playwright, whose loading alone took longer than printing the talk. The
// switches are the part of Playwright's that matter for printing here.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CdpConnection } from './cdp-pipe.js';
import { CHROMIUM_ARGS, NO_BROWSER_HELP, NoBrowserError, browserEnv, findChromium } from './chromium.js';

const HEADLESS_ARGS = [
  '--headless',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-breakpad',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-field-trial-config',
  '--no-default-browser-check',
  '--password-store=basic',
  '--use-mock-keychain',
  '--no-startup-window',
  '--remote-debugging-pipe',
  // Fewer processes to start for a page or two: the display compositor and the network service
  // as threads of the browser, and no spare renderer kept warm for a next page that never comes.
  // The talk's export, on two busy cores: 2.6 -> 2.1 s (medians of 6). --single-process saved
  // another 0.3 s, but Chromium supports it for debugging only.
  '--in-process-gpu',
  '--enable-features=NetworkServiceInProcess2',
  '--disable-features=SpareRendererForSitePerProcess',
];

export interface PrintBrowser {
  /** Opens `url` in a new 1280×720 tab and resolves once its document is parsed (DOMContentLoaded). */
  open(url: string): Promise<PrintPage>;
  close(): Promise<void>;
}

export interface PrintPage {
  /** Uncaught errors the page has thrown, as messages. */
  readonly errors: string[];
  /**
   * The value of `fn` run in the page (awaited when it returns a promise), or a rejection after
   * `timeoutMs`. `fn` is sent as source text: it must not use anything outside itself.
   */
  evaluate<T>(fn: () => T | Promise<T>, timeoutMs?: number): Promise<T>;
  /** The page printed as Chromium's print dialog would, at the CSS page size, tagged, with an outline. */
  pdf(): Promise<Buffer>;
  close(): Promise<void>;
}

/** Starts headless Chromium with a fresh profile; `close()` stops it and removes the profile. */
export async function launchPrintBrowser(): Promise<PrintBrowser> {
  const executable = await chromiumExecutable();
  const profile = mkdtempSync(join(tmpdir(), 'deck-export-chromium-'));
  const child = spawn(executable, [...CHROMIUM_ARGS, ...HEADLESS_ARGS, `--user-data-dir=${profile}`], {
    env: browserEnv(),
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    // A process group of its own (the browser, its renderers and helpers), to end together. Should
    // Node be killed first (Ctrl-C), the browser sees its pipe close and quits by itself.
    detached: true,
  });
  const killBrowser = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  // Never leave a browser behind, even when Node exits on an error.
  process.once('exit', killBrowser);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  // A browser that could not be started has no exit to wait for.
  const exited = new Promise<void>((done) => child.once('exit', () => done()).once('error', () => done()));
  const cdp = new CdpConnection(child.stdio[3] as Writable, child.stdio[4] as Readable);
  child.once('error', (error) => cdp.close(error.message));
  child.once('exit', (code, signal) => cdp.close(`Chromium exited (${signal ?? code})`));

  const close = async () => {
    // The PDF is written and the profile is thrown away: nothing in the browser is worth an orderly
    // shutdown (Browser.close took 200 ms for the talk, SIGTERM 1.6 s, and left helpers writing to
    // the profile as it was removed). Its whole process group ends at once.
    killBrowser();
    await exited;
    process.off('exit', killBrowser);
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    } catch {
      // the operating system's temporary folder is cleaned in time
    }
  };
  try {
    await cdp.send('Browser.getVersion');
  } catch (error) {
    await close();
    const detail = stderr.trim().split('\n').slice(-3).join('\n');
    throw new NoBrowserError(
      `${executable} did not start: ${error instanceof Error ? error.message : String(error)}\n${detail}\n${NO_BROWSER_HELP}`,
    );
  }
  return { open: (url) => openPage(cdp, url), close };
}

/** The Chromium that chromium.ts finds, else Playwright's own download. */
async function chromiumExecutable(): Promise<string> {
  try {
    const found = findChromium();
    if (found) return found;
    const { chromium } = await import('@playwright/test');
    return chromium.executablePath();
  } catch (error) {
    throw new NoBrowserError(`${error instanceof Error ? error.message : String(error)}\n${NO_BROWSER_HELP}`);
  }
}

async function openPage(cdp: CdpConnection, url: string): Promise<PrintPage> {
  const { targetId } = await cdp.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', {
    targetId,
    flatten: true,
  });
  const send = <T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}) =>
    cdp.send<T>(method, params, sessionId);
  const errors: string[] = [];
  const stops = [
    cdp.on('Runtime.exceptionThrown', (params, from) => {
      if (from !== sessionId) return;
      const details = params.exceptionDetails as { text: string; exception?: { description?: string } };
      errors.push(details.exception?.description?.split('\n')[0] ?? details.text);
    }),
  ];
  // Scripts evaluated before then would run in the blank page the tab starts with.
  const parsed = new Promise<void>((resolve) => {
    stops.push(cdp.on('Page.domContentEventFired', (_params, from) => from === sessionId && resolve()));
  });
  await Promise.all([
    send('Page.enable'),
    send('Runtime.enable'),
    send('Emulation.setDeviceMetricsOverride', {
      width: 1280,
      height: 720,
      deviceScaleFactor: 1,
      mobile: false,
    }),
  ]);
  const navigation = await send<{ errorText?: string }>('Page.navigate', { url });
  if (navigation.errorText) throw new Error(`could not open ${url}: ${navigation.errorText}`);
  await parsed;

  return {
    errors,
    async evaluate<T>(fn: () => T | Promise<T>, timeoutMs = 0): Promise<T> {
      let timer: NodeJS.Timeout | undefined;
      const evaluation = send<{
        result: { value?: T };
        exceptionDetails?: { exception?: { description?: string }; text: string };
      }>('Runtime.evaluate', {
        // Under tsx, esbuild keeps function names by wrapping functions in a helper `__name(fn,
        // name)` that exists in Node, not in the page: it is given here, as the identity.
        expression: `((__name) => (${fn.toString()})())((f) => f)`,
        awaitPromise: true,
        returnByValue: true,
      });
      const timeout = new Promise<never>((_resolve, reject) => {
        if (timeoutMs > 0)
          timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        const { result, exceptionDetails } = await Promise.race([evaluation, timeout]);
        if (exceptionDetails)
          throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
        return result.value as T;
      } finally {
        clearTimeout(timer);
      }
    },
    async pdf(): Promise<Buffer> {
      // Playwright's defaults for page.pdf: no margins, no header or footer, scale 1.
      const { stream } = await send<{ stream: string }>('Page.printToPDF', {
        transferMode: 'ReturnAsStream',
        printBackground: true,
        preferCSSPageSize: true,
        generateTaggedPDF: true,
        generateDocumentOutline: true,
        displayHeaderFooter: false,
        scale: 1,
        marginTop: 0,
        marginBottom: 0,
        marginLeft: 0,
        marginRight: 0,
      });
      const chunks: Buffer[] = [];
      for (;;) {
        const read = await send<{ data: string; base64Encoded?: boolean; eof: boolean }>('IO.read', {
          handle: stream,
          size: 4 * 1024 * 1024,
        });
        chunks.push(Buffer.from(read.data, read.base64Encoded ? 'base64' : 'utf8'));
        if (read.eof) break;
      }
      await send('IO.close', { handle: stream });
      return Buffer.concat(chunks);
    },
    async close(): Promise<void> {
      for (const stop of stops) stop();
      await cdp.send('Target.closeTarget', { targetId }).catch(() => {});
    },
  };
}
