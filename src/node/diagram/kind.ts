// The shape every diagram kind has: its YAML keys and its layout. The keys all kinds share
// (kind, title, description, caption) are read by render-diagram.ts.
import type { LayoutContext } from './layout.js';
import type { Scene } from './scene.js';
import type { Field, Fields } from './spec.js';

export interface DiagramKind<Spec> {
  /** The kind's own keys. */
  fields: Fields;
  /** Places the spec's boxes, arrows and words; problems go to `context.problem`. */
  layout: (spec: Spec, context: LayoutContext) => Scene;
}

/** What a box in any kind says: its words, smaller words under them, its build step, a highlight. */
export interface ItemSpec {
  text: string;
  note?: string;
  step?: number;
  accent?: boolean;
}

export const ITEM_FIELDS = {
  text: { type: 'text', required: true },
  note: { type: 'text' },
  step: { type: 'step' },
  accent: { type: 'flag' },
} as const satisfies Record<string, Field>;
