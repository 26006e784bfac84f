// Empty worlds and empty accounts: the starting points every lab builds on.
// Invariant: a new account has a root user and nothing else (no IAM users, no resources), as AWS does.
import { rootArn } from './arns';
import type { Account, PasswordHash, World } from './types';
import { worldVersion } from './types';

export const defaultClock = '2026-01-15T09:00:00Z';

export function createEmptyWorld(clock: string = defaultClock): World {
  return { version: worldVersion, clock, accounts: {}, sessions: {}, consoleSessions: {} };
}

export interface NewAccountInput {
  readonly id: string;
  readonly name: string;
  readonly alias?: string;
  readonly rootEmail: string;
  readonly rootPasswordHash: PasswordHash;
}

export function newAccount(input: NewAccountInput): Account {
  return {
    id: input.id,
    name: input.name,
    ...(input.alias ? { alias: input.alias } : {}),
    status: 'active',
    supportPlan: 'basic',
    root: { arn: rootArn(input.id), email: input.rootEmail, passwordHash: input.rootPasswordHash, accessKeys: [] },
    users: {},
    groups: {},
    roles: {},
    policies: {},
    instanceProfiles: {},
    identityProviders: {},
    mfaDevices: {},
    s3: { buckets: {} },
    dynamodb: { tables: {} },
    ec2: { instances: {} },
    kms: { keys: {} },
    cloudFrontKeyPairs: {},
  };
}

/** Adds (or replaces) an account in a world. */
export function withAccount(world: World, account: Account): World {
  return { ...world, accounts: { ...world.accounts, [account.id]: account } };
}
