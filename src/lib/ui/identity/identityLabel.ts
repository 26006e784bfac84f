// How the header names the current identity: the icon of its kind and the message key of how it
// presents credentials. Invariant: every Identity kind and via has exactly one entry.
import type { IconName } from '../icons/icons';
import type { Identity } from '../state/lab.svelte';

export const identityIcon: Readonly<Record<Identity['kind'], IconName>> = {
  root: 'root',
  user: 'user',
  role: 'role',
  federated: 'idp',
  anonymous: 'unauthenticated',
};

export const viaKey = {
  console: 'identity.via.console',
  accessKey: 'identity.via.accessKey',
  temporaryCredentials: 'identity.via.temporaryCredentials',
  anonymous: 'identity.via.anonymous',
} as const satisfies Readonly<Record<Identity['via'], string>>;
