// The shortcuts overlay (? or F1), in Chinese and English, for the audience window and the
// console alike. It replaces reveal.js's English-only help. While it is open no other key
// handler sees the keyboard.
import './overlays.css';
import { AUDIENCE_SHORTCUTS, CONSOLE_SHORTCUTS, type Shortcut } from './shortcuts.js';
import { escapeHtml } from '../../shared/escape-html.js';
import { UI_STRINGS as T } from '../../shared/ui-strings.js';

export type OverlayWindow = 'audience' | 'presenter';

export interface ShortcutsOverlay {
  toggle(open?: boolean): void;
  isOpen(): boolean;
  /** Removes the overlay and its key listener. */
  destroy(): void;
}

/** Is the key press meant for a text field rather than for the deck? */
export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName))
  );
}

function table(title: string, en: string, shortcuts: readonly Shortcut[]): string {
  const rows = shortcuts
    .map(
      (s) =>
        `<tr><td class="shortcut-keys">${s.keys.map((k) => `<kbd>${escapeHtml(k)}</kbd>`).join(' ')}</td><td lang="zh-CN">${escapeHtml(s.zh)}</td><td lang="en">${escapeHtml(s.en)}</td></tr>`,
    )
    .join('');
  return `<section><h3>${escapeHtml(title)} <span lang="en">${en}</span></h3><table>${rows}</table></section>`;
}

/** Adds the overlay to this window (`kind` decides which table comes first) and binds ? and F1. */
export function bindShortcutsOverlay(kind: OverlayWindow): ShortcutsOverlay {
  const dialog = document.createElement('dialog');
  dialog.className = 'shortcuts-overlay';
  dialog.setAttribute('aria-labelledby', 'shortcuts-title');
  const audience = table(T.audienceWindow, 'Audience window', AUDIENCE_SHORTCUTS);
  const console = table(T.presenterTitle, 'Presenter console', CONSOLE_SHORTCUTS);
  dialog.innerHTML = `<div class="shortcuts-body">
    <header><h2 id="shortcuts-title">${T.shortcuts} <span lang="en">Keyboard shortcuts</span></h2>
    <button type="button" class="shortcuts-close" aria-label="${T.close} / Close">${T.close} <kbd>Esc</kbd></button></header>
    <div class="shortcuts-tables">${kind === 'presenter' ? console + audience : audience + console}</div></div>`;
  document.body.append(dialog);
  let returnFocus: HTMLElement | null = null;
  const isOpen = () => dialog.open;
  const toggle = (open = !dialog.open) => {
    if (open === dialog.open) return;
    if (open) {
      returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      dialog.querySelector<HTMLButtonElement>('.shortcuts-close')?.focus();
    } else {
      dialog.close();
      returnFocus?.focus();
    }
  };
  // Capture on window: runs before reveal.js's and the console's own (bubbling) key handlers.
  const onKeyDown = (event: KeyboardEvent) => {
    const helpKey = event.key === '?' || event.key === 'F1';
    if (dialog.open) {
      if (event.key === 'Tab') return;
      event.stopPropagation();
      if (event.key === 'Escape' || helpKey) {
        event.preventDefault();
        toggle(false);
      }
      return;
    }
    if (!helpKey || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
    event.preventDefault();
    event.stopPropagation();
    toggle(true);
  };
  const onClick = (event: MouseEvent) => {
    // A click on the backdrop (the dialog box itself, outside its content) or on the close button.
    if (event.target === dialog || (event.target as Element).closest('.shortcuts-close')) toggle(false);
  };
  window.addEventListener('keydown', onKeyDown, true);
  dialog.addEventListener('click', onClick);
  return {
    toggle,
    isOpen,
    destroy() {
      window.removeEventListener('keydown', onKeyDown, true);
      dialog.removeEventListener('click', onClick);
      dialog.remove();
    },
  };
}
