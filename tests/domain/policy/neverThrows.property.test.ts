// Property tests: parsing, validating, normalizing and compiling never throw, whatever the input,
// and the parser agrees with JSON.parse on every text. Policy-shaped generators reach the deep rules.
// AWS: "IAM JSON policy grammar" https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Json, PolicyKind } from '../../../src/lib/domain/policy';
import { compilePolicy, diagnosticCodes, normalizePolicy, parsePolicyText, validatePolicy } from '../../../src/lib/domain/policy';

const kinds: PolicyKind[] = ['identity', 'boundary', 'session', 'scp', 'rcp', 'resource', 'trust'];
const kind = fc.constantFrom(...kinds);
const codes = new Set(Object.keys(diagnosticCodes));

const scalar = fc.oneof(
  fc.constantFrom('*', 'Allow', 'Deny', 's3:GetObject', 'arn:aws:s3:::b/*', 'arn:aws:iam::111122223333:group/G', '111122223333', '2012-10-17', '${aws:username}', ''),
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const listOrScalar = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
const principal = fc.oneof(
  listOrScalar,
  fc.dictionary(fc.constantFrom('AWS', 'Service', 'Federated', 'CanonicalUser', 'User'), listOrScalar, { maxKeys: 3 }),
);
const condition = fc.oneof(
  scalar,
  fc.dictionary(
    fc.constantFrom('StringEquals', 'ForAnyValue:StringLike', 'NullIfExists', 'Bool', 'Nope', 'numericlessthan'),
    fc.oneof(
      scalar,
      fc.dictionary(fc.constantFrom('aws:username', 'bad', 's3:prefix', '__proto__'), fc.oneof(listOrScalar, fc.jsonValue({ maxDepth: 2 })), { maxKeys: 3 }),
    ),
    { maxKeys: 3 },
  ),
);
const statement = fc.oneof(
  fc.record(
    {
      Sid: scalar,
      Effect: scalar,
      Action: listOrScalar,
      NotAction: listOrScalar,
      Resource: listOrScalar,
      NotResource: listOrScalar,
      Principal: principal,
      NotPrincipal: principal,
      Condition: condition,
      Extra: scalar,
    },
    { requiredKeys: [] },
  ),
  scalar,
);
const policyLike: fc.Arbitrary<Json> = fc.record(
  { Version: scalar, Id: scalar, Statement: fc.oneof(statement, fc.array(statement, { maxLength: 4 })), Other: scalar },
  { requiredKeys: [] },
) as fc.Arbitrary<Json>;
const anyJson = fc.oneof(fc.jsonValue() as fc.Arbitrary<Json>, policyLike);

describe('never throws', () => {
  it('parsePolicyText agrees with JSON.parse on random text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json(), anyJson.map((v) => JSON.stringify(v) ?? '')), (text) => {
        const result = parsePolicyText(text);
        let expected: { ok: true; value: unknown } | { ok: false };
        try {
          expected = { ok: true, value: JSON.parse(text) };
        } catch {
          expected = { ok: false };
        }
        expect(result.ok).toBe(expected.ok);
        if (result.ok && expected.ok) expect(result.value).toEqual(expected.value);
        if (!result.ok) expect(result.diagnostics.every((d) => d.line !== undefined && d.column !== undefined)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('parsePolicyText survives truncated and corrupted policies', () => {
    const base = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*'], Resource: '*', Condition: { Bool: { 'aws:SecureTransport': true } } }] }, null, 2);
    fc.assert(
      fc.property(fc.nat(base.length), fc.nat(base.length), fc.string({ maxLength: 3 }), (cut, at, insert) => {
        const text = base.slice(0, at) + insert + base.slice(at, Math.max(at, cut));
        expect(() => parsePolicyText(text)).not.toThrow();
        expect(() => compilePolicy(text, 'identity')).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('validatePolicy returns well-formed diagnostics for any JSON and any kind', () => {
    fc.assert(
      fc.property(anyJson, kind, (doc, policyKind) => {
        const diagnostics = validatePolicy(doc, policyKind);
        for (const d of diagnostics) {
          expect(codes.has(d.code)).toBe(true);
          expect(d.severity === 'error' || d.severity === 'warning').toBe(true);
          expect(d.path === '' || d.path.startsWith('/')).toBe(true);
          expect(d.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('normalizePolicy never throws and always yields arrays', () => {
    fc.assert(
      fc.property(anyJson, (doc) => {
        const policy = normalizePolicy(doc);
        expect(Array.isArray(policy.statements)).toBe(true);
        for (const s of policy.statements) {
          expect(s.effect === 'Allow' || s.effect === 'Deny').toBe(true);
          for (const list of [s.action, s.notAction, s.resource, s.notResource]) if (list) expect(Array.isArray(list)).toBe(true);
          for (const c of s.conditions) expect(c.values.every((v) => typeof v === 'string')).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('compilePolicy is ok exactly when there is no error, and an ok policy is well-formed', () => {
    fc.assert(
      fc.property(fc.oneof(anyJson, anyJson.map((v) => JSON.stringify(v, null, 2) ?? ''), fc.string()), kind, (input, policyKind) => {
        const result = compilePolicy(input, policyKind);
        const hasError = result.diagnostics.some((d) => d.severity === 'error');
        expect(result.ok).toBe(!hasError);
        if (!result.ok) return;
        expect(result.policy.statements.length).toBeGreaterThan(0);
        for (const s of result.policy.statements) {
          expect(Boolean(s.action) !== Boolean(s.notAction)).toBe(true);
          if (policyKind === 'identity') expect(s.principal).toBeUndefined();
          if (policyKind === 'trust') expect(s.resource ?? s.notResource).toBeUndefined();
        }
      }),
      { numRuns: 1000 },
    );
  });
});
