// The three addresses `npm run present -- --remote` hands out, the QR code of the phone's, and the
// server's answers about pairing: `GET /remote/pairing` for the console's QR panel, and a refusal
// page for a phone that came without the right token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import QRCode from 'qrcode';
import { escapeHtml } from '../../shared/escape-html.js';
import { tokenMatches } from './pairing-token.js';

export const PAIRING_PATH = '/remote/pairing';

export interface RemoteUrls {
  /** The audience view: no token, it never controls anything. */
  deck: string;
  /** The presenter console, which bridges the relay to the audience windows. */
  console: string;
  /** The phone view. */
  phone: string;
}

/** The addresses on `origin` (`http://host:port`); the token is base64url, safe in a query as it is. */
export function remoteUrls(origin: string, token: string): RemoteUrls {
  return {
    deck: `${origin}/`,
    console: `${origin}/?presenter&token=${token}`,
    phone: `${origin}/?phone&token=${token}`,
  };
}

export interface PairingCodes {
  svg: string;
  /** Half-block characters for a terminal. */
  terminal: string;
}

export async function pairingCodes(url: string): Promise<PairingCodes> {
  const [svg, terminal] = await Promise.all([
    QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    QRCode.toString(url, { type: 'terminal', small: true, errorCorrectionLevel: 'M' }),
  ]);
  return { svg, terminal };
}

/** A request handler for the static server: the pairing endpoint and the phone's refusal; false for anything else. */
export function pairingRoutes(token: string, pairing: { readonly phone: string; readonly qrSvg: string }) {
  return (request: IncomingMessage, response: ServerResponse, url: URL): boolean => {
    const allowed = tokenMatches(url.searchParams.get('token'), token);
    if (url.pathname === PAIRING_PATH) {
      if (!allowed)
        send(response, 403, 'application/json', JSON.stringify({ error: 'pairing token required' }));
      else send(response, 200, 'application/json', JSON.stringify(pairing));
      return true;
    }
    const page = url.pathname === '/' || url.pathname === '/index.html';
    if (page && url.searchParams.has('phone') && !allowed) {
      send(response, 403, 'text/html; charset=utf-8', refusalPage(url.searchParams.has('token')));
      return true;
    }
    return false;
  };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  response.end(body);
}

/** Says, in Chinese and English, why the phone view was refused and what to do. */
export function refusalPage(hadToken: boolean): string {
  const [zh, en] = hadToken
    ? [
        '这个配对码已失效（演讲者可能生成了新的配对码）。',
        'This pairing code is no longer valid (the presenter may have made a new one).',
      ]
    : ['这个地址缺少配对码。', 'This address has no pairing code.'];
  const doZh = '请扫描演讲者电脑终端或演讲者视图中显示的二维码，或输入其中的完整地址。';
  const doEn =
    "Scan the QR code shown in the presenter's terminal or console, or type the full address shown there.";
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>无法连接 · Not paired</title>
<style>body{font:18px/1.6 system-ui,sans-serif;margin:2em auto;max-width:34em;padding:0 1em}h1{font-size:1.4em}</style>
</head>
<body>
<h1>无法控制演示 · Cannot control the talk</h1>
<p>${escapeHtml(zh)}${escapeHtml(doZh)}</p>
<p lang="en">${escapeHtml(en)} ${escapeHtml(doEn)}</p>
</body>
</html>
`;
}
