// The AWS documentation pages the lessons link to, in one place so a moved page is fixed once.
import type { DocLink } from '../types';

const iam = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';

export const awsDocs = {
  whatIsIam: { title: 'What is IAM?', url: `${iam}/introduction.html` },
  howIamWorks: { title: 'Understanding how IAM works', url: `${iam}/intro-structure.html` },
  sharedResponsibility: { title: 'Shared responsibility model', url: 'https://aws.amazon.com/compliance/shared-responsibility-model/' },
  connectLinux: { title: 'Connect to your Linux instance (Amazon EC2)', url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/connect-to-linux-instance.html' },
  identities: { title: 'IAM identities', url: `${iam}/id.html` },
  users: { title: 'IAM users', url: `${iam}/id_users.html` },
  passwords: { title: 'Passwords for IAM users', url: `${iam}/id_credentials_passwords.html` },
  accessKeys: { title: 'Manage access keys for IAM users', url: `${iam}/id_credentials_access-keys.html` },
  groups: { title: 'IAM user groups', url: `${iam}/id_groups.html` },
  roles: { title: 'IAM roles', url: `${iam}/id_roles.html` },
  tempCredentials: { title: 'Temporary security credentials in IAM', url: `${iam}/id_credentials_temp.html` },
  federation: { title: 'Identity providers and federation', url: `${iam}/id_roles_providers.html` },
  rootUser: { title: 'AWS account root user', url: `${iam}/id_root-user.html` },
  rootTasks: { title: 'Tasks that require root user credentials', url: `${iam}/id_root-user.html#root-user-tasks` },
  rootBestPractices: { title: 'Root user best practices for your AWS account', url: `${iam}/root-user-best-practices.html` },
  sigv4: { title: 'AWS Signature Version 4 for API requests', url: `${iam}/reference_sigv.html` },
  blockPublicAccess: { title: 'Blocking public access to your Amazon S3 storage', url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html' },
  policies: { title: 'Policies and permissions in IAM', url: `${iam}/access_policies.html` },
  evaluationLogic: { title: 'Policy evaluation logic', url: `${iam}/reference_policies_evaluation-logic.html` },
  boundaries: { title: 'Permissions boundaries for IAM entities', url: `${iam}/access_policies_boundaries.html` },
  identityVsResource: { title: 'Identity-based policies and resource-based policies', url: `${iam}/access_policies_identity-vs-resource.html` },
  crossAccount: { title: 'Cross-account policy evaluation logic', url: `${iam}/reference_policies_evaluation-logic-cross-account.html` },
  actions: { title: 'Actions, resources, and condition keys for AWS services', url: 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html' },
} as const satisfies Record<string, DocLink>;
