// Finds a Chromium to drive (tests, PDF export, benchmark), the flags it needs here, and starts it
// for the commands. Order: $CHROMIUM_PATH, then a system binary, then Playwright's own download.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, LaunchOptions } from '@playwright/test';

const SYSTEM_BINARIES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** Flags that keep a headless Chromium quiet and offline on a locked-down machine. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--font-render-hinting=none',
  '--disable-lcd-text',
  '--force-color-profile=srgb',
];

/** A fontconfig file that hides every system CJK font, so only the deck's own font can draw Chinese. */
export const NO_CJK_FONTCONFIG = fileURLToPath(new URL('./no-cjk-fonts.conf', import.meta.url));

/** The Chromium executable to launch, or undefined to let Playwright use its own download. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  for (const name of SYSTEM_BINARIES) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      // not on PATH; try the next name
    }
  }
  return undefined;
}

/** What to tell a person who has no browser at all. */
export const NO_BROWSER_HELP =
  'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere: `npx playwright install chromium`) or set CHROMIUM_PATH to a Chrome/Chromium binary.';

/** Environment for a browser process that must not see system CJK fonts. */
export function browserEnv(): Record<string, string> {
  return { ...(process.env as Record<string, string>), FONTCONFIG_FILE: NO_CJK_FONTCONFIG };
}

/** No Chromium could be found or started; the message says how to get one. */
export class NoBrowserError extends Error {
  override name = 'NoBrowserError';
}

/** Starts headless Chromium, found and flagged as for the tests; the export and the benchmark call this. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  let executablePath: string | undefined;
  try {
    executablePath = findChromium();
  } catch (error) {
    throw new NoBrowserError(`${error instanceof Error ? error.message : String(error)}\n${NO_BROWSER_HELP}`);
  }
  // Imported here: the PDF export uses this module's finding and flags but not Playwright.
  const { chromium } = await import('@playwright/test');
  try {
    return await chromium.launch({
      executablePath,
      env: browserEnv(),
      ...options,
      args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    });
  } catch (error) {
    const message = String(error);
    // Without a binary of our own, any failure is Playwright's download missing or broken.
    if (!executablePath || /executable doesn't exist|ENOENT|Failed to launch/i.test(message))
      throw new NoBrowserError(`${NO_BROWSER_HELP}\n(${message.split('\n')[0]})`);
    throw error;
  }
}
