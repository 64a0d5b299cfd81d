// With `history: true` reveal.js writes every move to `location.hash`, and the `hashchange` that
// follows is its own echo. Its readURL() ignores the echo only when the hash names no build step:
// with `fragmentInURL`, any hash ending in a step index (`#/slide/2`) makes it run slide() again
// for the place the deck is already at. That second pass walks every slide once more (classes,
// visibility, layout), which at 1,000 slides was over half of a key press's cost.

interface Indices {
  h: number;
  v: number;
  f?: number;
}

interface LocationController {
  readURL(): void;
  getIndicesFromHash(): Indices | null | undefined;
}

/**
 * Makes `reveal`'s reaction to a hash change skip the hash that names the slide and build step
 * already shown; any other hash (typed, a link, back/forward) navigates as before. Call before
 * `initialize()`. Does nothing if this reveal.js lacks the pieces (a future version).
 */
export function skipHashEcho(reveal: object): void {
  const api = reveal as { location?: Partial<LocationController>; getIndices?: () => Indices };
  const location = api.location;
  const getIndices = api.getIndices;
  if (
    typeof location?.readURL !== 'function' ||
    typeof location.getIndicesFromHash !== 'function' ||
    typeof getIndices !== 'function'
  )
    return;
  const readURL = location.readURL.bind(location);
  const fromHash = location.getIndicesFromHash.bind(location);
  // reveal's hashchange listener calls `this.readURL()`, so replacing the method reaches it.
  location.readURL = () => {
    const wanted = fromHash();
    const shown = getIndices.call(reveal);
    const same =
      wanted &&
      wanted.h === shown.h &&
      (wanted.v || 0) === (shown.v || 0) &&
      (wanted.f === undefined || wanted.f === shown.f);
    if (!same) readURL();
  };
}
