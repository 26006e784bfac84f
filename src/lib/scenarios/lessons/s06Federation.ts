// Scenario 6: federation — a user of an outside identity provider (SAML or OIDC) assumes a role.
import { acct, request, sent, temporaryCredentials } from '../goals';
import type { Scenario } from '../types';
import { awsDocs } from './docs';

const samlRole = `arn:aws:iam::${acct}:role/SamlReadOnlyRole`;
const samlProvider = `arn:aws:iam::${acct}:saml-provider/ExampleCorpIdP`;
const webRole = `arn:aws:iam::${acct}:role/WebAppUserRole`;
const assertion = JSON.stringify({ issuer: 'https://idp.example.com/saml', subject: 'jdoe', audience: 'https://signin.aws.amazon.com/saml' });
const token = JSON.stringify({ iss: 'https://auth.example.com', aud: 'example-web-app', sub: 'web-user-1' });

export const federation: Scenario = {
  id: 'federation',
  number: 6,
  title: 'Federation',
  goal: 'People who sign in elsewhere (a corporate SAML directory, an OIDC login) get AWS access by assuming a role — no IAM user is created for them.',
  docs: [awsDocs.federation, awsDocs.roles],
  setup: [],
  steps: [
    {
      kind: 'task',
      id: 'saml',
      instruction: 'As the employee jdoe of the corporate directory, sign in through SAML to SamlReadOnlyRole.',
      hints: ['Use the federated sign-in form: provider ExampleCorpIdP (SAML), role SamlReadOnlyRole.'],
      explanation: 'STS checked the assertion against the role\'s trust policy (Principal: the SAML provider) and returned temporary credentials.',
      goal: sent({ operation: 'sts:AssumeRoleWithSAML', outcome: 'ok' }),
    },
    {
      kind: 'task',
      id: 'saml-use',
      instruction: 'As that federated session, list the EC2 instances.',
      hints: ['Send ec2:DescribeInstances; the role has ViewOnlyAccess.'],
      explanation: 'The request ran as assumed-role/SamlReadOnlyRole/jdoe. jdoe is not an IAM user: the directory vouches for them.',
      goal: sent({ by: { kind: 'role', roleName: 'SamlReadOnlyRole' }, outcome: 'ok' }),
    },
    {
      kind: 'task',
      id: 'oidc',
      instruction: 'Now as web-user-1 of the mobile/web app (OIDC), assume WebAppUserRole and read users/web-user-1/profile.json from the app bucket.',
      hints: ['Federated sign-in with the OIDC provider auth.example.com and role WebAppUserRole.', 'Then s3:GetObject on example-corp-app-data, key users/web-user-1/profile.json.'],
      explanation: 'Same idea with a web identity token: the app never stores AWS keys; each signed-in user gets short-lived role credentials.',
      goal: sent({ operation: 's3:GetObject', by: { kind: 'role', roleName: 'WebAppUserRole' }, outcome: 'ok' }),
    },
    {
      kind: 'quiz',
      id: 'who',
      instruction: 'Check what you saw.',
      question: 'After jdoe signed in through SAML, how many IAM users exist for them?',
      hints: ['Look at the Users list in the explorer.'],
      explanation: 'None: federated users exist only in their identity provider. AWS sees a role session named after them.',
      choices: [
        { id: 'none', text: 'None: they act as a session of the role', correct: true, explanation: 'Right: federation avoids creating and removing IAM users for every employee.' },
        { id: 'one', text: 'One, created automatically at first sign-in', correct: false, explanation: 'AWS creates no IAM user; only a temporary role session.' },
      ],
    },
  ],
  solution: [
    { kind: 'request', label: 'SAML sign-in', request: () => request('sts:AssumeRoleWithSAML', { RoleArn: samlRole, PrincipalArn: samlProvider, SAMLAssertion: assertion }, { kind: 'anonymous' }) },
    { kind: 'request', label: 'describe instances', request: (ctx) => request('ec2:DescribeInstances', {}, temporaryCredentials(ctx.records, 'sts:AssumeRoleWithSAML')) },
    {
      kind: 'request',
      label: 'OIDC sign-in',
      request: () => request('sts:AssumeRoleWithWebIdentity', { RoleArn: webRole, RoleSessionName: 'web-user-1', WebIdentityToken: token }, { kind: 'anonymous' }),
    },
    {
      kind: 'request',
      label: 'read own profile',
      request: (ctx) => request('s3:GetObject', { Bucket: 'example-corp-app-data', Key: 'users/web-user-1/profile.json' }, temporaryCredentials(ctx.records, 'sts:AssumeRoleWithWebIdentity')),
    },
    { kind: 'answer', stepId: 'who', choiceId: 'none' },
  ],
};
