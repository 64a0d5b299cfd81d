// Opening the presenter console from the audience window (S): a new window when the browser
// allows it; otherwise a notice with a link (a click is always allowed) and the address to type.
import '../ui/overlays.css';
import { UI_STRINGS as T } from '../../shared/ui-strings.js';

const CONSOLE_PARAM = 'presenter';
const WINDOW_NAME = 'deck-presenter';
const WINDOW_FEATURES = 'popup,width=1280,height=800';

/** The console's address: this page with `?presenter` and no slide hash (the console asks the audience where it is). */
export function presenterUrl(href = window.location.href): string {
  const url = new URL(href);
  url.hash = '';
  url.searchParams.set(CONSOLE_PARAM, '');
  return url.href.replace(`${CONSOLE_PARAM}=`, CONSOLE_PARAM);
}

/** The audience view's address: this page without `?presenter`. */
export function audienceUrl(href = window.location.href): string {
  const url = new URL(href);
  url.hash = '';
  url.searchParams.delete(CONSOLE_PARAM);
  return url.href;
}

/** Opens the console in its own window, or explains how to open it when the browser blocks that. */
export function openPresenterConsole(): void {
  const url = presenterUrl();
  const opened = window.open(url, WINDOW_NAME, WINDOW_FEATURES);
  if (opened) opened.focus();
  else showBlockedNotice(url);
}

/** Shows (once) the notice for a blocked window, with a link to the console. Esc or the button closes it. */
function showBlockedNotice(url: string): void {
  document.querySelector('.deck-notice')?.remove();
  const notice = document.createElement('div');
  notice.className = 'deck-notice';
  notice.setAttribute('role', 'alertdialog');
  notice.setAttribute('aria-labelledby', 'deck-notice-text');
  notice.innerHTML = `<p id="deck-notice-text">${T.popupBlocked}</p>
    <p><a class="deck-notice-link" target="_blank" rel="noopener"></a></p>
    <p class="deck-notice-hint">${T.presenterUrlHint}<code></code></p>
    <button type="button" class="deck-notice-close">${T.close}</button>`;
  const link = notice.querySelector<HTMLAnchorElement>('.deck-notice-link')!;
  link.href = url;
  link.textContent = T.openInTab;
  notice.querySelector('code')!.textContent = url;
  const close = () => {
    window.removeEventListener('keydown', onKeyDown, true);
    notice.remove();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close();
  };
  notice.querySelector('.deck-notice-close')!.addEventListener('click', close);
  // After the click has opened the tab.
  link.addEventListener('click', () => setTimeout(close, 0));
  window.addEventListener('keydown', onKeyDown, true);
  document.body.append(notice);
  link.focus();
}
