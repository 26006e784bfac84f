// IP address condition operators. AWS: IAM JSON policy elements: Condition operators, "IP address condition
// operators" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress):
// IpAddress matches an address inside the policy's IPv4 or IPv6 CIDR block (RFC 4632); NotIpAddress is its negation.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { check } from './helpers';
import { ipInBlock, parseIpAddress, parseIpBlock } from '../../../src/lib/domain/conditions/ipOperators';

const KEY = 'aws:SourceIp';

describe('IpAddress / NotIpAddress', () => {
  it.each<[string, string | string[], string, boolean]>([
    ['IpAddress', '203.0.113.0/24', '203.0.113.7', true],
    ['IpAddress', '203.0.113.0/24', '203.0.114.7', false],
    ['IpAddress', '203.0.113.7', '203.0.113.7', true],
    ['IpAddress', '203.0.113.7/32', '203.0.113.8', false],
    ['IpAddress', '0.0.0.0/0', '198.51.100.1', true],
    ['IpAddress', '10.0.0.5/8', '10.200.1.1', true],
    ['IpAddress', ['192.0.2.0/24', '203.0.113.0/24'], '203.0.113.200', true],
    ['IpAddress', '2001:db8::/32', '2001:db8:1234::1', true],
    ['IpAddress', '2001:DB8::/32', '2001:db8::1', true],
    ['IpAddress', '2001:db8::/32', '2001:db9::1', false],
    ['IpAddress', '2001:db8:0:0:0:0:0:1', '2001:db8::1', true],
    ['IpAddress', '::/0', '::1', true],
    ['IpAddress', '::ffff:192.0.2.0/120', '::ffff:192.0.2.9', true],
    // Families never mix: an IPv4 address is not inside an IPv6 block.
    ['IpAddress', '::/0', '192.0.2.1', false],
    ['IpAddress', '0.0.0.0/0', '2001:db8::1', false],
    ['NotIpAddress', '203.0.113.0/24', '198.51.100.1', true],
    ['NotIpAddress', '203.0.113.0/24', '203.0.113.1', false],
    ['NotIpAddress', ['192.0.2.0/24', '203.0.113.0/24'], '203.0.113.1', false],
    ['NotIpAddress', ['192.0.2.0/24', '203.0.113.0/24'], '198.51.100.1', true],
  ])('%s %j vs %j → %s', (operator, values, request, expected) => {
    expect(check(operator, KEY, values, { [KEY]: request }).matched).toBe(expected);
  });

  it.each(['not-an-ip', '256.1.1.1', '1.2.3', '2001:db8:::1', '1.2.3.4/24'])('request %j is a type mismatch', (request) => {
    expect(check('NotIpAddress', KEY, '10.0.0.0/8', { [KEY]: request })).toMatchObject({
      matched: false,
      reason: 'conditionTypeMismatch',
    });
  });

  it.each(['10.0.0.0/33', '2001:db8::/129', '10.0.0.0/x', 'fe80::1::2'])('policy block %j matches nothing', (block) => {
    expect(parseIpBlock(block)).toBeNull();
    expect(check('IpAddress', KEY, block, { [KEY]: '10.0.0.1' }).matched).toBe(false);
  });

  const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));

  it('every IPv4 address is inside its own /32 and any shorter prefix of itself (property)', () => {
    fc.assert(
      fc.property(ipv4, fc.integer({ min: 0, max: 32 }), (address, prefix) =>
        check('IpAddress', KEY, [`${address}/32`], { [KEY]: address }).matched &&
        check('IpAddress', KEY, [`${address}/${prefix}`], { [KEY]: address }).matched &&
        !check('NotIpAddress', KEY, [`${address}/${prefix}`], { [KEY]: address }).matched,
      ),
    );
  });

  it('every IPv6 address is inside its own /128 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 }), (groups) => {
        const address = groups.map((g) => g.toString(16)).join(':');
        const parsed = parseIpAddress(address);
        const block = parseIpBlock(`${address}/128`);
        return parsed !== null && block !== null && ipInBlock(block, parsed);
      }),
    );
  });
});
