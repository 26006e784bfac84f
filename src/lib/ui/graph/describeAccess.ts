// One-line sentences for the graph: why a principal got its colour, and how to name a node.
// Pure over the overlay's data; every word comes from the message catalog.
import { t } from '../../i18n';
import type { MessageKey } from '../../i18n';
import type { AccessEntry } from '../../graph/effectiveAccess';
import type { GraphNode } from '../../graph/types';

export function reasonText(entry: AccessEntry): string {
  const r = entry.reason;
  switch (r.kind) {
    case 'root':
      return t('graph.reason.root');
    case 'malformed':
      return t('graph.reason.malformed', { policy: r.policyLabel });
    case 'noAllow':
      return r.stage ? t('graph.reason.noAllow', { stage: t(`stage.name.${r.stage}` as MessageKey) }) : t('graph.reason.noAllowAnywhere');
    case 'statement':
      return t('graph.reason.statement', { decision: t(`decision.${entry.decision}` as MessageKey), statement: r.sid ?? `#${r.statementIndex + 1}`, policy: r.policyLabel });
  }
}

/** "IAM user alice", "Policy AdministratorAccess (AWS managed)": the accessible name of a node. */
export function nodeName(node: GraphNode): string {
  const kind = t(`graph.kind.${node.kind}` as MessageKey);
  const badge = node.badge ? ` (${t(`graph.badge.${node.badge}` as MessageKey)})` : '';
  return `${kind} ${node.label}${badge}`;
}

/** A node's accessible name with its overlay decision, if any: "IAM user alice: Allowed". */
export function markName(node: GraphNode, decision: AccessEntry['decision'] | undefined): string {
  return decision ? `${nodeName(node)}: ${t(`decision.${decision}`)}` : nodeName(node);
}
