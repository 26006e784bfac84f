// Scenario 14: actions and CRUD — one principal creates, reads, updates and deletes, and each action is
// governed by its own line of a policy.
import { policyJson, request, userKey, userPassword } from '../goals';
import type { GoalContext, Scenario } from '../types';
import { awsDocs } from './docs';

const bob = userPassword('bob');
const key = { customerId: 'c-003', orderId: 'o-3001' };
const crudDone = (crud: string, ok: boolean) => (ctx: GoalContext) =>
  ctx.recent.some((r) => r.request.params.TableName === 'Orders' && r.authentication.principal?.userName === 'bob' && r.response.ok === ok && crudOf(r.request.operation) === crud);
const crudOf = (op: string): string =>
  ({ 'dynamodb:PutItem': 'Create', 'dynamodb:GetItem': 'Read', 'dynamodb:Query': 'Read', 'dynamodb:UpdateItem': 'Update', 'dynamodb:DeleteItem': 'Delete' })[op] ?? '';
const deleteOrder = () => request('dynamodb:DeleteItem', { TableName: 'Orders', Key: key }, bob);
const allowDelete = policyJson([{ Sid: 'DeleteOrders', Effect: 'Allow', Action: 'dynamodb:DeleteItem', Resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/Orders' }]);

export const crud: Scenario = {
  id: 'crud',
  number: 14,
  title: 'Actions and CRUD',
  goal: 'After authentication and authorization, an action is processed against a resource: create, read, update, delete — each a separate action a policy must allow.',
  docs: [awsDocs.howIamWorks, awsDocs.actions],
  setup: [],
  steps: [
    {
      kind: 'task',
      id: 'create',
      instruction: 'As bob, create an order in the Orders table (dynamodb:PutItem) with customerId c-003 and orderId o-3001.',
      hints: ['Item: {"customerId": "c-003", "orderId": "o-3001", "total": 12}'],
      explanation: 'Create: allowed by the line "dynamodb:PutItem" of DeveloperAppAccess (statement UseOrdersTable).',
      goal: crudDone('Create', true),
    },
    {
      kind: 'task',
      id: 'read',
      instruction: 'Read it back (dynamodb:GetItem with the same key).',
      hints: ['Key: {"customerId": "c-003", "orderId": "o-3001"}'],
      explanation: 'Read: a different action, dynamodb:GetItem, allowed by its own entry in the same statement.',
      goal: crudDone('Read', true),
    },
    {
      kind: 'task',
      id: 'update',
      instruction: 'Update it (dynamodb:UpdateItem), for example set its total to 20.',
      hints: ['UpdateExpression: "SET total = :t", ExpressionAttributeValues {":t": 20}'],
      explanation: 'Update: dynamodb:UpdateItem, again its own line.',
      goal: crudDone('Update', true),
    },
    {
      kind: 'task',
      id: 'delete-denied',
      instruction: 'Now delete it (dynamodb:DeleteItem).',
      hints: ['Look at the statement UseOrdersTable: is DeleteItem listed?'],
      explanation: 'Denied: no line allows dynamodb:DeleteItem. Being able to create, read and update says nothing about delete.',
      goal: crudDone('Delete', false),
    },
    {
      kind: 'task',
      id: 'delete',
      instruction: 'As alice, allow the Developers group dynamodb:DeleteItem on the Orders table, then delete the order as bob.',
      hints: ['Group Developers → inline policies → add.', `For example:\n${allowDelete}`],
      explanation: 'Deleted: the new line governs exactly this action. Every action is authorized on its own.',
      goal: crudDone('Delete', true),
    },
  ],
  solution: [
    { kind: 'request', label: 'create', request: () => request('dynamodb:PutItem', { TableName: 'Orders', Item: { ...key, total: 12, status: 'pending' } }, bob) },
    { kind: 'request', label: 'read', request: () => request('dynamodb:GetItem', { TableName: 'Orders', Key: key }, bob) },
    {
      kind: 'request',
      label: 'update',
      request: () =>
        request('dynamodb:UpdateItem', { TableName: 'Orders', Key: key, UpdateExpression: 'SET total = :t', ExpressionAttributeValues: { ':t': 20 } }, bob),
    },
    { kind: 'request', label: 'delete (denied)', request: deleteOrder },
    { kind: 'request', label: 'allow delete', request: (ctx) => request('iam:PutGroupPolicy', { GroupName: 'Developers', PolicyName: 'DeleteOrders', PolicyDocument: allowDelete }, userKey(ctx.world, 'alice')) },
    { kind: 'request', label: 'delete', request: deleteOrder },
  ],
};
