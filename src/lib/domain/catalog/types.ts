// The shapes of the generated action catalog (scripts/buildCatalog.ts writes them, catalog.ts reads them).
// Invariant: plain JSON only; service files are loaded lazily, one per service prefix.

/** R Read, W Write, L List, T Tagging, P Permissions management (the Service Authorization Reference's levels). */
export type AccessLevelCode = 'R' | 'W' | 'L' | 'T' | 'P';

export type AccessLevel = 'Read' | 'Write' | 'List' | 'Tagging' | 'Permissions management';

/**
 * One action: access level, resource types (a trailing '*' marks a required one; an empty list means the
 * action only takes "Resource": "*"), and every condition key it supports (action and resource-type rows).
 */
export type ActionEntry = readonly [level: AccessLevelCode, resourceTypes: readonly string[], conditionKeys: readonly string[]];

export interface ServiceFile {
  readonly prefix: string;
  readonly name: string;
  /** Keyed by the action name in AWS's casing, e.g. 'GetObject'. */
  actions: Record<string, ActionEntry>;
  /** Resource type → ARN format with ${Placeholders}, e.g. 'arn:${Partition}:s3:::${BucketName}'. */
  resourceTypes: Record<string, string>;
  /** Condition key as AWS writes it (may contain ${TagKey}-style parts) → its type (String, ARN, Bool...). */
  conditionKeys: Record<string, string>;
}

export interface CatalogIndex {
  readonly source: string;
  readonly version: string;
  /** ISO date (YYYY-MM-DD) of the data's last update. */
  readonly updatedAt: string;
  /** [prefix, service name, action count], sorted by prefix. */
  readonly services: readonly (readonly [prefix: string, name: string, actionCount: number])[];
  /** Global condition keys (aws:...) → type. */
  readonly globalConditionKeys: Readonly<Record<string, string>>;
}

/** Fetches one service's file; UI code passes a dynamic import, Node tests read the file system. */
export type ServiceLoader = (prefix: string) => Promise<ServiceFile | undefined>;
