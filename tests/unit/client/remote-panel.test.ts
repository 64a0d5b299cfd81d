import { describe, expect, test } from 'vitest';
import { parsePairing } from '../../../src/client/presenter/remote-panel.js';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29"><path d="M0 0h7v7H0z"/></svg>';

describe('the relay’s pairing answer', () => {
  test('takes a phone URL and an SVG QR code', () => {
    const phone = 'http://192.168.1.20:4173/?phone&token=abc';
    expect(parsePairing({ phone, qrSvg: SVG })).toEqual({ phone, qrSvg: SVG });
    const withProlog = `<?xml version="1.0" encoding="utf-8"?>\n${SVG}`;
    expect(parsePairing({ phone, qrSvg: withProlog })?.qrSvg).toBe(withProlog);
  });

  test('refuses anything else: no answer, a page, a script URL, a picture that is not SVG', () => {
    expect(parsePairing(null)).toBeNull();
    expect(parsePairing('<html>403</html>')).toBeNull();
    expect(parsePairing({ phone: 'javascript:alert(1)', qrSvg: SVG })).toBeNull();
    expect(parsePairing({ phone: 'http://x/?phone', qrSvg: '<img src=x>' })).toBeNull();
    expect(parsePairing({ phone: 'http://x/?phone' })).toBeNull();
  });
});
