// Opens a URL in the person's default browser (`npm run present`), as `vite preview --open` did.
import { spawn } from 'node:child_process';

/** Starts the platform's opener for `url` and lets it go; a machine without one just prints the URL. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [command, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => {});
    child.unref();
  } catch {
    // no opener: the URL is printed anyway
  }
}
