// The built page loads its full stylesheet only once the title has painted (the boot script in
// index.html, from src/node/vite/first-view-plugin.ts), so the script can arrive first: whatever
// lays out or builds a view waits for it, or reveal.js would measure an unstyled page.

/** Resolves once every stylesheet <link> of the page has loaded (or failed: nothing to wait for then). */
export function stylesheetsLoaded(): Promise<void> {
  const pending = [...document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"]')].filter(
    (link) => !link.disabled && link.sheet === null,
  );
  return Promise.all(
    pending.map(
      (link) =>
        new Promise<void>((resolve) => {
          link.addEventListener('load', () => resolve(), { once: true });
          link.addEventListener('error', () => resolve(), { once: true });
        }),
    ),
  ).then(() => undefined);
}
