// The graph layer's public API: World → nodes/links, overlays (effective access, policy focus, request
// path, who can…?) and the force layout. Pure; the UI and the overlay worker import from here.
export type * from './types';
export { principalKinds } from './types';
export { nodeIds } from './nodeIds';
export { buildGraph, parsePolicy } from './buildGraph';
export type { BuildGraphOptions } from './buildGraph';
export { effectiveAccess, accessFor, identityRefOf } from './effectiveAccess';
export type { AccessEntry, AccessReason } from './effectiveAccess';
export { policyFocus, policyDocument } from './policyFocus';
export type { Focus } from './policyFocus';
export { requestPath, resourceNode } from './requestPath';
export type { PathFrame, PathLight } from './requestPath';
export { parseWhoCan, whoCan } from './whoCan';
export type { WhoCanAnswer, WhoCanQuery } from './whoCan';
export { createLayout, initialPositions, positionsOf, accountRegions, anchorOf, hashUnit } from './layout';
export type { LayoutMode, LayoutOptions, Positions, SimLink, SimNode } from './layout';
export { runOverlayJob } from './overlayJob';
export type { OverlayRequest, OverlayResponse } from './overlayJob';
