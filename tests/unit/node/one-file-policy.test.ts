import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { oneFilePolicy, scriptHash } from '../../../src/node/export/one-file-policy.js';

describe('oneFilePolicy', () => {
  test("drops 'self', allows the inline scripts by hash and the needed directives data:", () => {
    const policy =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'";
    expect(oneFilePolicy(policy, { scripts: ['run()'], dataDirectives: ['font-src', 'img-src'] })).toBe(
      `default-src 'none'; script-src ${scriptHash('run()')}; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; base-uri 'none'`,
    );
  });

  test('adds a directive the page needs that the policy leaves to default-src', () => {
    expect(oneFilePolicy("default-src 'none'", { scripts: [], dataDirectives: ['font-src'] })).toBe(
      "default-src 'none'; script-src 'none'; font-src data:",
    );
  });
});

describe('scriptHash', () => {
  test('is the SHA-256 of the UTF-8 text, as CSP writes it', () => {
    const digest = createHash('sha256').update(Buffer.from('标题', 'utf8')).digest('base64');
    expect(scriptHash('标题')).toBe(`'sha256-${digest}'`);
  });
});
