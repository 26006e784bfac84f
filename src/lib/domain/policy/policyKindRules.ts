// Which elements each kind of policy requires, allows or forbids. One table, so validation and
// the UI's help text agree. Sources:
// - IAM JSON policy elements reference: Principal, NotPrincipal, Resource, Sid
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
// - IAM and AWS STS quotas: "IAM name requirements" (the character set of policy documents)
// - AWS Organizations "SCP syntax" and "RCP syntax" (elements summary tables)
//   https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html
//   https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_syntax.html
import type { PolicyKind } from './types';

export interface PolicyKindRules {
  /** Words used in messages: "A trust policy cannot contain Resource." */
  readonly label: string;
  /** Principal/NotPrincipal: one of them must be present, or neither may be. */
  readonly principal: 'required' | 'forbidden';
  readonly notPrincipalAllowed: boolean;
  /** RCPs accept only "Principal": "*" and narrow callers with conditions. */
  readonly principalOnlyAnyone: boolean;
  /** Resource/NotResource: one of them must be present, or neither may be (role trust policies). */
  readonly resource: 'required' | 'forbidden';
  readonly notActionAllowed: boolean;
  /** IAM stores identity-style policies and accepts only [A-Za-z0-9] in a Sid. */
  readonly sidAlphanumeric: boolean;
  /** RCPs deny only; Allow exists solely in the AWS-managed RCPFullAWSAccess. */
  readonly denyOnly: boolean;
  /** IAM and STS accept only tab, LF, CR and U+0020-U+00FF in the documents they store or receive. */
  readonly iamCharacterSet: boolean;
}

const identityStyle: Omit<PolicyKindRules, 'label'> = {
  principal: 'forbidden',
  notPrincipalAllowed: false,
  principalOnlyAnyone: false,
  resource: 'required',
  notActionAllowed: true,
  sidAlphanumeric: true,
  denyOnly: false,
  iamCharacterSet: true,
};

export const policyKindRules: Readonly<Record<PolicyKind, PolicyKindRules>> = {
  identity: { ...identityStyle, label: 'identity-based' },
  boundary: { ...identityStyle, label: 'permissions boundary' },
  session: { ...identityStyle, label: 'session' },
  scp: { ...identityStyle, label: 'service control', sidAlphanumeric: false, iamCharacterSet: false },
  rcp: {
    label: 'resource control',
    principal: 'required',
    notPrincipalAllowed: false,
    principalOnlyAnyone: true,
    resource: 'required',
    notActionAllowed: false,
    sidAlphanumeric: false,
    denyOnly: true,
    iamCharacterSet: false,
  },
  resource: {
    label: 'resource-based',
    principal: 'required',
    notPrincipalAllowed: true,
    principalOnlyAnyone: false,
    resource: 'required',
    notActionAllowed: true,
    sidAlphanumeric: false,
    denyOnly: false,
    iamCharacterSet: false,
  },
  // "You cannot use the NotPrincipal element in ... an IAM role trust policy" (NotPrincipal page);
  // IAM rejects a trust policy that names a Resource.
  trust: {
    label: 'role trust',
    principal: 'required',
    notPrincipalAllowed: false,
    principalOnlyAnyone: false,
    resource: 'forbidden',
    notActionAllowed: true,
    sidAlphanumeric: false,
    denyOnly: false,
    iamCharacterSet: true,
  },
};
