// Scenario 5: when to create a user and when a role — the decision guide as situations to judge.
import type { QuizStep, Scenario } from '../types';
import { awsDocs } from './docs';

function situation(id: string, question: string, answer: 'user' | 'role', why: string): QuizStep {
  return {
    kind: 'quiz',
    id,
    instruction: 'User or role?',
    question,
    hints: ['Long-term credentials for a known person or CLI → user; temporary credentials for software or outside identities → role.'],
    explanation: why,
    choices: [
      { id: 'user', text: 'Create an IAM user', correct: answer === 'user', explanation: answer === 'user' ? why : 'A user has long-term credentials; here temporary credentials through a role fit better.' },
      { id: 'role', text: 'Create a role', correct: answer === 'role', explanation: answer === 'role' ? why : 'A role gives temporary credentials; here someone needs their own long-term identity.' },
    ],
  };
}

export const usersVsRoles: Scenario = {
  id: 'users-vs-roles',
  number: 5,
  title: 'Users or roles?',
  goal: 'Choose between an IAM user and a role for six common situations.',
  docs: [awsDocs.identities, awsDocs.users, awsDocs.roles],
  setup: [],
  steps: [
    situation('solo', 'You are the only person working in the account and need to stop using the root user.', 'user', 'A user for yourself (with administrator permissions) lets you lock the root user away.'),
    situation('team', 'Five developers need permanent access to the account every day.', 'user', 'Each person gets their own user (in a group), so access is permanent and traceable to a person.'),
    situation('cli', 'An engineer runs the AWS CLI from their laptop.', 'user', 'The CLI needs access keys; long-term keys belong to a user (or the CLI can assume a role with them).'),
    situation('app', 'An application on an EC2 instance writes to an S3 bucket.', 'role', 'A role through the instance profile: the app gets rotating temporary credentials and no key is stored on the server.'),
    situation('mobile', 'A mobile phone app uploads photos to S3 for its signed-in customers.', 'role', 'A role assumed with web identity federation: no AWS keys are shipped inside the app.'),
    situation('federated', 'Your company\'s employees already sign in to a corporate directory and need the console.', 'role', 'Federation: they assume a role from the directory\'s assertion; no IAM users to create or remove.'),
  ],
  solution: [
    { kind: 'answer', stepId: 'solo', choiceId: 'user' },
    { kind: 'answer', stepId: 'team', choiceId: 'user' },
    { kind: 'answer', stepId: 'cli', choiceId: 'user' },
    { kind: 'answer', stepId: 'app', choiceId: 'role' },
    { kind: 'answer', stepId: 'mobile', choiceId: 'role' },
    { kind: 'answer', stepId: 'federated', choiceId: 'role' },
  ],
};
