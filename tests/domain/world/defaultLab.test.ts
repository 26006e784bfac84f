// The default lab: the sandbox the issue describes, deterministic from its seed, plain JSON data.
import { describe, expect, it } from 'vitest';
import { createDefaultLab, defaultLabCredentials, labAccessKeys } from '../../../src/lib/domain/world/defaultLab';
import { advanceClock } from '../../../src/lib/domain/world/clock';
import { awsManagedPolicies } from '../../../src/lib/domain/world/awsManagedPolicies';
import { compilePolicy } from '../../../src/lib/domain/policy/compilePolicy';
import { crypto, defaultLab } from '../pipeline/labFixture';

describe('default lab', () => {
  it('has the company account with alias, root user and the listed identities', async () => {
    const w = await defaultLab();
    const a = w.accounts['111122223333'];
    expect(a?.alias).toBe('example-corp');
    expect(a?.root.email).toBe(defaultLabCredentials.root.email);
    expect(a?.root.passwordHash).not.toContain(defaultLabCredentials.root.password);
    expect(Object.keys(a?.groups ?? {})).toEqual(['Admins', 'Developers']);
    expect(a?.groups.Admins?.attachedPolicies).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
    expect(a?.users.alice?.groups).toEqual(['Admins']);
    expect(a?.users.alice?.loginProfile).toBeDefined();
    expect(a?.users.alice?.accessKeys).toHaveLength(1);
    expect(a?.users.bob?.loginProfile).toBeDefined();
    expect(a?.users.bob?.accessKeys).toHaveLength(0);
    expect(a?.users.carol?.loginProfile).toBeUndefined();
    expect(a?.users.carol?.accessKeys).toHaveLength(1);
    expect(JSON.parse(a?.roles.AppServerRole?.trustPolicy ?? '{}').Statement[0].Principal).toEqual({ Service: 'ec2.amazonaws.com' });
    const instance = Object.values(a?.ec2.instances ?? {})[0];
    expect(instance?.instanceProfileArn).toBe(a?.instanceProfiles.AppServerRole?.arn);
    expect(Object.keys(a?.s3.buckets['example-corp-app-data']?.objects ?? {}).length).toBeGreaterThan(2);
    expect(a?.s3.buckets['example-corp-app-data']?.policy).toBeDefined();
    expect(a?.dynamodb.tables.Orders?.items.length).toBeGreaterThan(0);
    expect(Object.keys(a?.kms.keys ?? {})).toHaveLength(1);
  });

  it('has a partner account whose role trusts the company account', async () => {
    const w = await defaultLab();
    const role = w.accounts['444455556666']?.roles.PartnerAccessRole;
    expect(JSON.parse(role?.trustPolicy ?? '{}').Statement[0].Principal).toEqual({ AWS: 'arn:aws:iam::111122223333:root' });
  });

  it('is deterministic for a seed and differs across seeds', async () => {
    const a = await createDefaultLab({ crypto, seed: 5, passwordIterations: 10 });
    const b = await createDefaultLab({ crypto, seed: 5, passwordIterations: 10 });
    const c = await createDefaultLab({ crypto, seed: 6, passwordIterations: 10 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(labAccessKeys(a)).not.toEqual(labAccessKeys(c));
    expect(labAccessKeys(a).map((k) => k.userName)).toEqual(['alice', 'carol']);
  });

  it('is plain JSON (survives a JSON round trip unchanged)', async () => {
    const w = await defaultLab();
    expect(JSON.parse(JSON.stringify(w))).toEqual(w);
  });

  it('advances the simulated clock forward only', async () => {
    const w = await defaultLab();
    expect(advanceClock(w, 3600).clock).toBe('2026-01-15T10:00:00Z');
    expect(advanceClock(w, -50).clock).toBe(w.clock);
  });

  it.each(Object.values(awsManagedPolicies).map((p) => [p.name, p] as const))('AWS managed policy %s compiles as an identity policy', (_name, p) => {
    const doc = p.versions[0]?.document ?? '';
    expect(compilePolicy(doc, 'identity').ok).toBe(true);
  });

  it('marks the very large AWS managed policies as subsets', () => {
    const subsets = Object.values(awsManagedPolicies).filter((p) => p.subset).map((p) => p.name).sort();
    expect(subsets).toEqual(['AmazonDynamoDBFullAccess', 'AmazonDynamoDBReadOnlyAccess', 'ViewOnlyAccess']);
  });
});
