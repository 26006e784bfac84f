// "Who can…?" queries: parse "who can ACTION on RESOURCE", then answer from an effective-access overlay
// plus the graph's can-assume edges, so a principal that gets there by assuming a role (or a chain of
// roles) is listed with its chain. Invariant: every chain ends in a principal the engine allowed.
import type { AccessEntry } from './effectiveAccess';
import type { Graph } from './types';

export interface WhoCanQuery {
  readonly action: string;
  readonly resource: string;
}

export interface WhoCanAnswer {
  readonly nodeId: string;
  /** From the answering principal to the allowed one: [nodeId] when allowed directly, else through roles. */
  readonly chain: readonly string[];
}

const queryPattern = /^\s*(?:who\s+can\s+)?([a-z0-9-]+:[A-Za-z0-9*?]+)\s+(?:on\s+)?(\S+?)\s*\??\s*$/i;

/** Parses "who can s3:DeleteObject on arn:aws:s3:::reports/*" (the "who can" and "on" are optional). */
export function parseWhoCan(text: string): WhoCanQuery | undefined {
  const m = queryPattern.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  return { action: m[1], resource: m[2] };
}

/**
 * Every node that can perform the query: allowed directly, or able to assume (through at most
 * `maxHops` roles) a role that is allowed. Breadth-first, so each chain is a shortest one.
 */
export function whoCan(graph: Graph, access: readonly AccessEntry[], maxHops = 3): WhoCanAnswer[] {
  const allowed = new Set(access.filter((e) => e.decision === 'allowed').map((e) => e.nodeId));
  const assumes = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (e.kind !== 'canAssume') continue;
    const list = assumes.get(e.source) ?? [];
    list.push(e.target);
    assumes.set(e.source, list);
  }
  const answers: WhoCanAnswer[] = [];
  for (const node of graph.nodes) {
    if (allowed.has(node.id)) {
      answers.push({ nodeId: node.id, chain: [node.id] });
      continue;
    }
    if (!assumes.has(node.id)) continue;
    const previous = new Map<string, string>([[node.id, '']]);
    let frontier = [node.id];
    let found: string | undefined;
    for (let hop = 0; hop < maxHops && !found && frontier.length > 0; hop++) {
      const next: string[] = [];
      for (const from of frontier) {
        for (const to of assumes.get(from) ?? []) {
          if (previous.has(to)) continue;
          previous.set(to, from);
          if (allowed.has(to)) {
            found = to;
            break;
          }
          next.push(to);
        }
        if (found) break;
      }
      frontier = next;
    }
    if (!found) continue;
    const chain: string[] = [];
    for (let at: string | undefined = found; at; at = previous.get(at) || undefined) chain.unshift(at);
    answers.push({ nodeId: node.id, chain });
  }
  return answers;
}
