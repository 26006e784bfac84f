// Node ids for every entity the graph draws. Invariant: an id depends only on the entity's account and
// its key in the world (name, ARN), never on order, so ids survive edits and saved positions stay valid.

export const nodeIds = {
  account: (accountId: string) => `account:${accountId}`,
  root: (accountId: string) => `root:${accountId}`,
  user: (accountId: string, name: string) => `user:${accountId}:${name}`,
  group: (accountId: string, name: string) => `group:${accountId}:${name}`,
  role: (accountId: string, name: string) => `role:${accountId}:${name}`,
  /** Managed policies (customer or AWS managed) are keyed by ARN: one node however many attach it. */
  managedPolicy: (arn: string) => `policy:${arn}`,
  inlinePolicy: (owner: 'user' | 'group' | 'role', accountId: string, ownerName: string, policyName: string) =>
    `inline:${owner}:${accountId}:${ownerName}:${policyName}`,
  idp: (arn: string) => `idp:${arn}`,
  resource: (arn: string) => `resource:${arn}`,
  service: (service: string) => `service:${service}`,
  public: () => 'public:*',
};
