// Structural checks of a lab's parts read from untrusted input: the world and the request history.
// Invariant: a value that passes can be handed to the engine and the UI without further guards.
import type { RequestRecord } from '../pipeline/types';
import type { World } from '../world/types';
import { worldVersion } from '../world/types';
import { validateWorld } from '../world/validateWorld';
import { ProblemList, childPointer, isObject } from './problems';

const accountMaps = ['users', 'groups', 'roles', 'policies', 'instanceProfiles', 'identityProviders', 'mfaDevices'] as const;
const serviceMaps = [
  ['s3', 'buckets'],
  ['dynamodb', 'tables'],
  ['ec2', 'instances'],
  ['kms', 'keys'],
] as const;

/**
 * Checks a world: first the shape this module guards with its own messages (version, accounts, lists),
 * then the full model rules of `validateWorld` (world/) with its paths placed under `path`.
 */
export function checkWorld(value: unknown, path: string, problems: ProblemList): value is World {
  const before = problems.items.length;
  if (!problems.object(value, path)) return false;
  if (value.version !== worldVersion) {
    problems.add(childPointer(path, 'version'), `must be ${worldVersion} (the world format this IAM Lab reads)`);
  }
  problems.isoDate(value.clock, childPointer(path, 'clock'));
  for (const key of ['sessions', 'consoleSessions'] as const) problems.object(value[key], childPointer(path, key));
  const accountsPath = childPointer(path, 'accounts');
  if (problems.object(value.accounts, accountsPath)) {
    if (Object.keys(value.accounts).length === 0) problems.add(accountsPath, 'must hold at least one account');
    for (const [id, account] of Object.entries(value.accounts)) checkAccount(id, account, childPointer(accountsPath, id), problems);
  }
  if (value.organization !== undefined) problems.object(value.organization, childPointer(path, 'organization'));
  if (problems.items.length !== before) return false;
  const full = validateWorld(value);
  if (!full.ok) for (const problem of full.problems) problems.add(path + problem.path, problem.message);
  return problems.items.length === before;
}

function checkAccount(id: string, account: unknown, path: string, problems: ProblemList): void {
  if (!/^\d{12}$/.test(id)) problems.add(path, 'an account id is 12 digits');
  if (!problems.object(account, path)) return;
  if (account.id !== id) problems.add(childPointer(path, 'id'), `must equal its key ${id}`);
  problems.string(account.name, childPointer(path, 'name'));
  if (problems.object(account.root, childPointer(path, 'root'))) {
    problems.string(account.root.arn, childPointer(childPointer(path, 'root'), 'arn'));
    problems.array(account.root.accessKeys, childPointer(childPointer(path, 'root'), 'accessKeys'));
  }
  for (const key of accountMaps) {
    const mapPath = childPointer(path, key);
    if (!problems.object(account[key], mapPath)) continue;
    for (const [name, entry] of Object.entries(account[key])) problems.object(entry, childPointer(mapPath, name));
  }
  checkPrincipals(account, path, problems);
  for (const [service, map] of serviceMaps) {
    const servicePath = childPointer(path, service);
    const holder = account[service];
    if (problems.object(holder, servicePath)) problems.object(holder[map], childPointer(servicePath, map));
  }
  problems.object(account.cloudFrontKeyPairs, childPointer(path, 'cloudFrontKeyPairs'));
}

/** Lists every principal iterates (attachments, groups, keys) must really be lists. */
function checkPrincipals(account: Readonly<Record<string, unknown>>, path: string, problems: ProblemList): void {
  const lists = {
    users: ['accessKeys', 'mfaDevices', 'groups', 'attachedPolicies'],
    groups: ['attachedPolicies'],
    roles: ['attachedPolicies'],
  } as const;
  for (const [kind, fields] of Object.entries(lists)) {
    const map = account[kind];
    if (!isObject(map)) continue;
    for (const [name, entity] of Object.entries(map)) {
      if (!isObject(entity)) continue;
      const entityPath = childPointer(childPointer(path, kind), name);
      if (entity.name !== name) problems.add(childPointer(entityPath, 'name'), `must equal its key ${name}`);
      problems.string(entity.arn, childPointer(entityPath, 'arn'));
      problems.object(entity.inlinePolicies, childPointer(entityPath, 'inlinePolicies'));
      for (const field of fields) problems.array(entity[field], childPointer(entityPath, field));
      if (kind === 'roles') problems.string(entity.trustPolicy, childPointer(entityPath, 'trustPolicy'));
    }
  }
}

/** Checks a request history: the fields the history list and the stage read. */
export function checkRecords(value: unknown, path: string, problems: ProblemList): value is readonly RequestRecord[] {
  const before = problems.items.length;
  if (!problems.array(value, path)) return false;
  const seen = new Set<string>();
  value.forEach((record, index) => {
    const at = childPointer(path, index);
    if (!problems.object(record, at)) return;
    if (problems.string(record.id, childPointer(at, 'id'))) {
      if (seen.has(record.id)) problems.add(childPointer(at, 'id'), `repeats the id ${record.id}`);
      seen.add(record.id);
    }
    problems.isoDate(record.at, childPointer(at, 'at'));
    if (problems.object(record.request, childPointer(at, 'request'))) {
      problems.string(record.request.operation, childPointer(childPointer(at, 'request'), 'operation'));
    }
    problems.object(record.authentication, childPointer(at, 'authentication'));
    if (problems.object(record.response, childPointer(at, 'response'))) {
      problems.boolean(record.response.ok, childPointer(childPointer(at, 'response'), 'ok'));
    }
  });
  return problems.items.length === before;
}
