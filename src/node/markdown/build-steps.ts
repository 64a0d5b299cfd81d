// How many build steps (key presses before the next slide) a slide's HTML has, counted as
// reveal.js counts them: fragments that share a `data-fragment-index` appear together, one step;
// each fragment without one is a step of its own.
import { Parser } from 'htmlparser2';

export function countBuildSteps(html: string): number {
  const indices = new Set<string>();
  let unindexed = 0;
  const parser = new Parser(
    {
      onopentag: (_tag, attributes) => {
        if (!(attributes.class ?? '').split(/\s+/).includes('fragment')) return;
        const index = attributes['data-fragment-index'];
        if (index === undefined) unindexed++;
        else indices.add(String(parseInt(index, 10)));
      },
    },
    { recognizeSelfClosing: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return indices.size + unindexed;
}
