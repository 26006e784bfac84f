// The registry of every simulated operation and the one table of their CRUD kinds.
// Invariant: operation names are unique ('service:Operation'); the CRUD kind comes from the spec itself.
// CRUD kinds follow AWS's access levels (Service Authorization Reference): Write that creates → Create,
// Write/Permissions management that changes → Update, Write that removes → Delete, Read → Read, List → List.
import type { Crud } from '../pipeline/types';
import { dynamodbOperations } from './dynamodb';
import { ec2Operations } from './ec2';
import { groupAndRoleOperations } from './iam/groupsAndRoles';
import { policyOperations } from './iam/policies';
import { simulateOperations } from './iam/simulate';
import { userOperations } from './iam/users';
import { kmsOperations } from './kms';
import { organizationsOperations } from './organizations';
import { rootTaskOperations } from './rootTasks';
import { s3Operations } from './s3';
import { signinOperations } from './signin';
import { stsOperations } from './sts';
import type { OperationSpec } from './types';

const all: readonly OperationSpec[] = [
  ...userOperations,
  ...groupAndRoleOperations,
  ...policyOperations,
  ...simulateOperations,
  ...stsOperations,
  ...s3Operations,
  ...dynamodbOperations,
  ...ec2Operations,
  ...kmsOperations,
  ...organizationsOperations,
  ...rootTaskOperations,
  ...signinOperations,
];

export const operations: Readonly<Record<string, OperationSpec>> = Object.fromEntries(all.map((o) => [o.name, o]));

/** Every operation's CRUD kind, e.g. crudTable['iam:CreateUser'] === 'Create'. */
export const crudTable: Readonly<Record<string, Crud>> = Object.fromEntries(all.map((o) => [o.name, o.crud]));

export const operationNames: readonly string[] = all.map((o) => o.name);

export function findOperation(name: string): OperationSpec | undefined {
  return operations[name];
}
