// The console's "phone remote" panel: the QR code of the phone's address, fetched from the relay
// of `npm run present -- --remote` with this console's pairing token. Without a relay (a static
// host, the file system, no token) it says how to start one.
import '../ui/overlays.css';
import { pairingToken } from '../sync/remote-link.js';
import { UI_STRINGS as T } from '../../shared/ui-strings.js';

/** What the relay answers at `/remote/pairing`. */
export interface Pairing {
  phone: string;
  qrSvg: string;
}

/** Checks the relay's answer; null when it is not a pairing. */
export function parsePairing(data: unknown): Pairing | null {
  if (typeof data !== 'object' || data === null) return null;
  const { phone, qrSvg } = data as Record<string, unknown>;
  if (typeof phone !== 'string' || !/^https?:\/\//.test(phone)) return null;
  if (typeof qrSvg !== 'string' || !/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(qrSvg)) return null;
  return { phone, qrSvg };
}

async function fetchPairing(token: string): Promise<Pairing | null> {
  try {
    const response = await fetch(`/remote/pairing?token=${encodeURIComponent(token)}`, { cache: 'no-store' });
    return response.ok ? parsePairing(await response.json()) : null;
  } catch {
    return null;
  }
}

export interface RemotePanel {
  toggle(): void;
  destroy(): void;
}

/** The panel, closed, added to this page. */
export function createRemotePanel(): RemotePanel {
  const dialog = document.createElement('dialog');
  dialog.className = 'shortcuts-overlay remote-panel';
  dialog.setAttribute('aria-labelledby', 'remote-panel-title');
  dialog.innerHTML = `<div class="shortcuts-body">
    <header><h2 id="remote-panel-title">${T.phoneRemote} <span lang="en">Phone remote</span></h2>
    <button type="button" class="shortcuts-close" aria-label="${T.close} / Close">${T.close}</button></header>
    <div class="remote-panel-body" aria-live="polite"></div></div>`;
  document.body.append(dialog);
  const body = dialog.querySelector<HTMLElement>('.remote-panel-body')!;
  let imageUrl: string | null = null;
  let opened = 0;

  const showPairing = ({ phone, qrSvg }: Pairing) => {
    imageUrl = URL.createObjectURL(new Blob([qrSvg], { type: 'image/svg+xml' }));
    const image = Object.assign(document.createElement('img'), {
      className: 'remote-panel-qr',
      src: imageUrl,
      alt: `${T.phoneRemote} QR: ${phone}`,
    });
    const hint = Object.assign(document.createElement('p'), { textContent: T.pairingScan });
    const address = Object.assign(document.createElement('code'), {
      className: 'remote-panel-url',
      textContent: phone,
    });
    body.replaceChildren(image, hint, address);
  };
  const showHowTo = () => {
    const command = Object.assign(document.createElement('code'), {
      textContent: 'npm run present -- --remote',
    });
    const intro = Object.assign(document.createElement('p'), { textContent: T.pairingUnavailable });
    const then = Object.assign(document.createElement('p'), { textContent: T.pairingThen });
    body.replaceChildren(intro, command, then);
  };

  const open = async () => {
    const attempt = ++opened;
    body.textContent = T.pairingLoading;
    dialog.showModal();
    dialog.querySelector<HTMLButtonElement>('.shortcuts-close')!.focus();
    const token = pairingToken();
    const pairing = token ? await fetchPairing(token) : null;
    // Closed, or opened again, while the answer was on its way.
    if (attempt !== opened || !dialog.open) return;
    if (pairing) showPairing(pairing);
    else showHowTo();
  };
  const close = () => {
    if (dialog.open) dialog.close();
  };
  const onClose = () => {
    if (imageUrl) URL.revokeObjectURL(imageUrl);
    imageUrl = null;
  };
  const onClick = (event: MouseEvent) => {
    if (event.target === dialog || (event.target as Element).closest('.shortcuts-close')) close();
  };
  dialog.addEventListener('click', onClick);
  dialog.addEventListener('close', onClose);
  return {
    toggle: () => (dialog.open ? close() : void open()),
    destroy() {
      close();
      dialog.removeEventListener('click', onClick);
      dialog.removeEventListener('close', onClose);
      dialog.remove();
    },
  };
}
