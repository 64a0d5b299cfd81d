// The pairing token of `npm run present -- --remote`: whoever holds it can drive the talk, so it is
// random (256 bits from node:crypto), readable by the owner only, and kept across restarts, so a
// server restarted mid-talk keeps the phone paired. `--new-token` replaces it.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../project-path.js';

/** Where the token lives unless told otherwise: a gitignored folder of the project. */
export const DEFAULT_TOKEN_FILE = join(PROJECT_ROOT, '.remote', 'pairing-token');

const TOKEN_BYTES = 32;
/** base64url of at least 128 bits; anything else in the file is not a token we wrote. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22,128}$/;

/** The token stored in `file`, or a new one written there (mode 0600) when there is none, it is unreadable, or `renew`. */
export function loadPairingToken(file: string, { renew = false }: { renew?: boolean } = {}): string {
  if (!renew) {
    const stored = readToken(file);
    if (stored) {
      // A file copied or restored with looser permissions is tightened, not trusted as it is.
      chmodSync(file, 0o600);
      return stored;
    }
  }
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // Written beside and renamed: a crash mid-write never leaves half a token.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${token}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
  return token;
}

function readToken(file: string): string | null {
  try {
    const text = readFileSync(file, 'utf8').trim();
    return TOKEN_SHAPE.test(text) ? text : null;
  } catch {
    return null;
  }
}

/** True when `offered` is `token`, compared in constant time (the length is not secret). */
export function tokenMatches(offered: string | null | undefined, token: string): boolean {
  if (typeof offered !== 'string') return false;
  const a = Buffer.from(offered);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
