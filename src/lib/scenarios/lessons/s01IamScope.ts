// Scenario 1: what IAM manages (AWS API calls) and what it does not (an instance's OS, your applications).
import { sent, userPassword, request } from '../goals';
import type { Scenario } from '../types';
import { awsDocs } from './docs';

export const iamScope: Scenario = {
  id: 'iam-scope',
  number: 1,
  title: 'What IAM manages — and what it does not',
  goal: 'Tell apart a request that IAM decides (an AWS API call) from access that an operating system or an application decides.',
  docs: [awsDocs.whatIsIam, awsDocs.sharedResponsibility, awsDocs.connectLinux],
  setup: [],
  steps: [
    {
      kind: 'task',
      id: 'describe',
      instruction: 'As bob, call ec2:DescribeInstances to see the app-server instance through the AWS API.',
      hints: ['Sign in as bob (the password is shown in the sign-in panel (the "Signed in as" button at the top)), or send the request with bob\'s credentials.', 'Pick the action ec2:DescribeInstances in the request builder; it needs no parameters.'],
      explanation: 'This is an AWS API request: IAM authenticated bob and his group\'s policy (AmazonEC2ReadOnlyAccess) allowed it. IAM controls every call to an AWS service.',
      goal: sent({ operation: 'ec2:DescribeInstances', by: { kind: 'user', userName: 'bob' }, outcome: 'ok' }),
    },
    {
      kind: 'quiz',
      id: 'ssh',
      instruction: 'Now think about what happens inside the instance.',
      question: 'Bob wants to log in over SSH to the Linux operating system running on app-server. What decides whether he gets a shell?',
      hints: ['Who keeps the list of Linux accounts on the machine?'],
      explanation: 'Logging in to the OS is checked by the OS itself (its user accounts, SSH keys, sudo rules). IAM sees only calls to AWS APIs.',
      choices: [
        { id: 'os', text: 'The operating system: its user accounts and authorized SSH keys', correct: true, explanation: 'Right: the OS is the customer\'s to manage; IAM never sees an SSH login.' },
        { id: 'iam', text: 'An IAM policy allowing ec2:* for bob', correct: false, explanation: 'ec2:* governs EC2 API calls (start, stop, describe…), not logins to the OS inside the instance.' },
        { id: 'group', text: 'Membership of the Developers group', correct: false, explanation: 'IAM groups grant AWS API permissions; the OS knows nothing about them.' },
      ],
    },
    {
      kind: 'quiz',
      id: 'app-users',
      instruction: 'One more: the application running on the instance.',
      question: 'The orders application has its own login page for customers. Are those customers IAM users?',
      hints: ['Which system stores the customers\' passwords?'],
      explanation: 'An application\'s own accounts belong to the application. IAM manages who may call AWS, not who may use your software.',
      choices: [
        { id: 'no', text: 'No: the application manages its own users', correct: true, explanation: 'Right: IAM does not manage applications or their end users.' },
        { id: 'yes', text: 'Yes: every person who logs in anywhere needs an IAM user', correct: false, explanation: 'IAM users are for access to AWS itself; application accounts live in the application (or an identity service it uses).' },
      ],
    },
  ],
  solution: [
    { kind: 'request', label: 'bob: ec2:DescribeInstances', request: () => request('ec2:DescribeInstances', {}, userPassword('bob')) },
    { kind: 'answer', stepId: 'ssh', choiceId: 'os' },
    { kind: 'answer', stepId: 'app-users', choiceId: 'no' },
  ],
};
