// Structural checks of a lab's parts read from untrusted input: the world and the request history.
// Invariant: a value that passes can be handed to the engine and the UI without further guards.
import type { RequestRecord } from '../pipeline/types';
import type { World } from '../world/types';
import { worldVersion } from '../world/types';
import { validateWorld } from '../world/validateWorld';
import { ProblemList, childPointer } from './problems';

/**
 * Checks a world with the model's own validator (`validateWorld`, world/), its paths placed under `path`,
 * plus what a lab needs on top: at least one account, each keyed by its 12-digit id. A world of another
 * version is refused before anything else, with a message that says so.
 */
export function checkWorld(value: unknown, path: string, problems: ProblemList): value is World {
  if (!problems.object(value, path)) return false;
  if (value.version !== worldVersion) {
    problems.add(childPointer(path, 'version'), `must be ${worldVersion} (the world format this IAM Lab reads)`);
    return false;
  }
  const full = validateWorld(value);
  if (!full.ok) {
    for (const problem of full.problems) problems.add(path + problem.path, problem.message);
    return false;
  }
  const before = problems.items.length;
  const accountsPath = childPointer(path, 'accounts');
  const accounts = Object.entries(full.world.accounts);
  if (accounts.length === 0) problems.add(accountsPath, 'must hold at least one account');
  for (const [id, account] of accounts) {
    if (!/^\d{12}$/.test(id)) problems.add(childPointer(accountsPath, id), 'an account id is 12 digits');
    else if (account.id !== id) problems.add(childPointer(childPointer(accountsPath, id), 'id'), `must equal its key ${id}`);
  }
  return problems.items.length === before;
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
