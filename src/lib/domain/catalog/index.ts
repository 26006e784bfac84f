// The public API of the AWS action catalog (generated data, loaded per service through a loader).
// Other layers import from here; the data files are reached only through a ServiceLoader.
export type * from './types';
export { createCatalog, actionsOf, servicePrefixOf, accessLevels } from './catalog';
export type { Catalog, CatalogAction } from './catalog';
export { expandActions, searchActions, servicesForPattern } from './expandActions';
export type { Expansion, SearchOptions } from './expandActions';
export { crudOf } from './crudOf';
export { catalogDiagnostics, catalogCodes, servicesNamedIn, conditionKeyType, familiesForKey, operatorFamily, keyMatches } from './catalogDiagnostics';
export type { CatalogCode } from './catalogDiagnostics';
export { resourceTypesOfArn, arnFormatPattern, serviceOfArn } from './resourceTypes';
