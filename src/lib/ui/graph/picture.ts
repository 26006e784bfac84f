// The contract of the graph's picture, shared by its SVG and canvas forms (GraphCanvas.svelte picks one):
// what an overlay lights up, and the props both forms take, so the view never knows which one it has.
import type { AccessEntry } from '../../graph/effectiveAccess';
import type { GraphNode } from '../../graph/types';
import type { GraphLayout } from './graphLayout.svelte';

/** A plain set of node and edge ids to light up (policy focus, request path, who-can chains); the rest is dimmed. */
export interface Highlight {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
  readonly active?: string | undefined;
}

export interface PictureProps {
  layout: GraphLayout;
  decisions: ReadonlyMap<string, AccessEntry>;
  highlight?: Highlight | null;
  interactive: (node: GraphNode) => boolean;
  onselect: (node: GraphNode) => void;
  onhover: (node: GraphNode | null) => void;
  /** Bumped to ask for a fit of the whole graph into the view. */
  fitSignal?: number;
}
