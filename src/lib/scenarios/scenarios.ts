// The catalog of guided scenarios in teaching order. Invariant: ids are unique and numbers are 1..n in order
// (checked by the scenario tests); links #/scenario/<id> and saved progress rely on the ids never changing.
import { iamScope } from './lessons/s01IamScope';
import { userCredentials } from './lessons/s02UserCredentials';
import { groups } from './lessons/s03Groups';
import { roles } from './lessons/s04Roles';
import { usersVsRoles } from './lessons/s05UsersVsRoles';
import { federation } from './lessons/s06Federation';
import { rootUser } from './lessons/s07RootUser';
import { rootOnlyTasks } from './lessons/s08RootOnlyTasks';
import { authenticationPaths } from './lessons/s09Authentication';
import { defaultDeny } from './lessons/s10DefaultDeny';
import { boundaries } from './lessons/s11Boundaries';
import { explicitDeny } from './lessons/s12ExplicitDeny';
import { resourcePolicies } from './lessons/s13ResourcePolicies';
import { crud } from './lessons/s14Crud';
import type { Scenario } from './types';

export const scenarios: readonly Scenario[] = [
  iamScope,
  userCredentials,
  groups,
  roles,
  usersVsRoles,
  federation,
  rootUser,
  rootOnlyTasks,
  authenticationPaths,
  defaultDeny,
  boundaries,
  explicitDeny,
  resourcePolicies,
  crud,
];

export function findScenario(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id);
}
