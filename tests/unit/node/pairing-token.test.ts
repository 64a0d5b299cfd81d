import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadPairingToken, tokenMatches } from '../../../src/node/remote/pairing-token.js';

const dir = mkdtempSync(join(tmpdir(), 'pairing-token-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const mode = (path: string) => statSync(path).mode & 0o777;

describe('loadPairingToken', () => {
  test('makes a token of at least 128 bits, readable by the owner only, in a folder only the owner can enter', () => {
    const file = join(dir, 'fresh', 'token');
    const token = loadPairingToken(file);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(readFileSync(file, 'utf8').trim()).toBe(token);
    expect(mode(file)).toBe(0o600);
    expect(mode(join(dir, 'fresh'))).toBe(0o700);
  });

  test('keeps the token across restarts, and --new-token replaces it', () => {
    const file = join(dir, 'kept', 'token');
    const first = loadPairingToken(file);
    expect(loadPairingToken(file)).toBe(first);
    const renewed = loadPairingToken(file, { renew: true });
    expect(renewed).not.toBe(first);
    expect(loadPairingToken(file)).toBe(renewed);
    expect(mode(file)).toBe(0o600);
  });

  test('two tokens are never the same', () => {
    const tokens = new Set(
      Array.from({ length: 50 }, (_, i) => loadPairingToken(join(dir, 'many', String(i)))),
    );
    expect(tokens.size).toBe(50);
  });

  test('tightens a stored token left readable by others', () => {
    const file = join(dir, 'loose');
    const token = loadPairingToken(file);
    chmodSync(file, 0o644);
    expect(loadPairingToken(file)).toBe(token);
    expect(mode(file)).toBe(0o600);
  });

  test('replaces a file that does not hold a token (empty, too short, other text)', () => {
    for (const text of ['', 'short', 'not a token at all, with spaces\n']) {
      const file = join(dir, 'junk');
      writeFileSync(file, text);
      const token = loadPairingToken(file);
      expect(token).not.toBe(text.trim());
      expect(token.length).toBeGreaterThanOrEqual(22);
      expect(readFileSync(file, 'utf8').trim()).toBe(token);
    }
  });
});

describe('tokenMatches', () => {
  const token = 'Abc_-0123456789abcdefghij';
  test('accepts the token only', () => {
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(`${token}x`, token)).toBe(false);
    expect(tokenMatches(token.slice(1), token)).toBe(false);
    expect(tokenMatches(token.replace('A', 'B'), token)).toBe(false);
    expect(tokenMatches('', token)).toBe(false);
    expect(tokenMatches(null, token)).toBe(false);
    expect(tokenMatches(undefined, token)).toBe(false);
  });
});
