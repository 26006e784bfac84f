// Access level → CRUD (Create/Read/Update/Delete/List) for every catalog action: one rule set plus
// one table of exceptions. Invariant: agrees with the pipeline's crudTable for every operation it runs
// (tests/domain/catalog/crud.test.ts). Levels: Service Authorization Reference, "Access levels".
// https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
import type { Crud } from '../pipeline/types';
import type { CatalogAction } from './catalog';

/**
 * Actions whose effect differs from what their verb says. Each is a deliberate reading: removing an
 * inline policy or a version changes its owner (Update); Query/Scan and the authorization-details dump
 * enumerate (List); getting a session or encrypting produces something new (Create); reading one
 * summary or one login profile is Read although AWS files them under List.
 */
const exceptions: Readonly<Record<string, Crud>> = {
  'iam:deleteuserpolicy': 'Update',
  'iam:deletegrouppolicy': 'Update',
  'iam:deleterolepolicy': 'Update',
  'iam:deletepolicyversion': 'Update',
  'iam:deleteuserpermissionsboundary': 'Update',
  'iam:deleterolepermissionsboundary': 'Update',
  'iam:createpolicyversion': 'Update',
  'iam:getaccountauthorizationdetails': 'List',
  'iam:getaccountsummary': 'Read',
  'iam:getloginprofile': 'Read',
  'dynamodb:query': 'List',
  'dynamodb:scan': 'List',
  'sts:getsessiontoken': 'Create',
  'sts:getfederationtoken': 'Create',
  'kms:encrypt': 'Create',
  'kms:decrypt': 'Read',
  's3:putobject': 'Create',
  'dynamodb:putitem': 'Create',
  'kms:schedulekeydeletion': 'Delete',
};

const createVerbs = /^(Create|Run|Allocate|Import|Upload|Register|Issue|Generate|Assume|Request|Copy|Launch|Provision)/;
const deleteVerbs = /^(Delete|Terminate|Deregister|Release|Purge|Destroy|Close|Revoke)/;
const updateVerbs = /^(Add|Attach|Detach|Remove)/;

export function crudOf(action: Pick<CatalogAction, 'name' | 'action' | 'accessLevel'>): Crud {
  const listed = exceptions[action.name.toLowerCase()];
  if (listed) return listed;
  switch (action.accessLevel) {
    case 'Read':
      return 'Read';
    case 'List':
      return 'List';
    case 'Tagging':
      return 'Update';
    default:
      if (updateVerbs.test(action.action)) return 'Update';
      if (createVerbs.test(action.action)) return 'Create';
      if (deleteVerbs.test(action.action)) return 'Delete';
      return 'Update';
  }
}
