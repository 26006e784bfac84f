// Public API of the request pipeline: send a request into the world and read the record.
export type * from './types';
export { send } from './send';
export type { SendResult } from './send';
export { toHttpRequest, signingRegion, serviceOf } from './httpRequest';
export { secretLookup } from './authenticate';
export { crudTable, operationNames, findOperation } from '../operations/operationTable';
export { rootOnlyTasks } from '../operations/rootTasks';
export { simulateAuthorization, principalFor, targetFor } from './simulate';
export type { IdentityRef, SimulateOptions } from './simulate';
export { gatherPolicies } from './gatherPolicies';
export type { GatheredSet } from './gatherPolicies';
export { requestContextFor, baseContext } from './requestContext';
