// IP address condition operators: IpAddress and NotIpAddress, over IPv4 and IPv6.
// Invariant: a policy value is a CIDR block or a single address (a /32 or /128); an address only falls
// inside a block of its own family; host bits set in a policy block are ignored, as for any network prefix.
// AWS: IAM JSON policy elements: Condition operators, "IP address condition operators" (RFC 4632 CIDR).
import type { OperatorFamily } from './comparison';

export interface IpAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
}

export interface IpBlock extends IpAddress {
  readonly prefix: number;
}

const ipv4Part = /^\d{1,3}$/;
const hexGroup = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!ipv4Part.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseGroups(text: string): bigint[] | null {
  if (text === '') return [];
  const groups: bigint[] = [];
  const parts = text.split(':');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    // An embedded IPv4 address (::ffff:192.0.2.1) may stand for the last two groups.
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (v4 === null) return null;
      groups.push(v4 >> 16n, v4 & 0xffffn);
    } else {
      if (!hexGroup.test(part)) return null;
      groups.push(BigInt(parseInt(part, 16)));
    }
  }
  return groups;
}

function parseIpv6(text: string): bigint | null {
  const gap = text.indexOf('::');
  let groups: bigint[] | null;
  if (gap >= 0) {
    if (text.indexOf('::', gap + 1) >= 0 || text.slice(0, gap).includes('.')) return null;
    const head = parseGroups(text.slice(0, gap));
    const tail = parseGroups(text.slice(gap + 2));
    if (!head || !tail || head.length + tail.length > 7) return null;
    groups = [...head, ...new Array<bigint>(8 - head.length - tail.length).fill(0n), ...tail];
  } else {
    groups = parseGroups(text);
    if (!groups || groups.length !== 8) return null;
  }
  let value = 0n;
  for (const group of groups) value = (value << 16n) | group;
  return value;
}

/** Parses one address (no prefix); null when it is neither IPv4 nor IPv6. */
export function parseIpAddress(text: string): IpAddress | null {
  if (text.includes(':')) {
    const value = parseIpv6(text);
    return value === null ? null : { family: 6, value };
  }
  const value = parseIpv4(text);
  return value === null ? null : { family: 4, value };
}

/** Parses `address/prefix` or a bare address (a block of one). */
export function parseIpBlock(text: string): IpBlock | null {
  const slash = text.indexOf('/');
  const address = parseIpAddress(slash < 0 ? text : text.slice(0, slash));
  if (!address) return null;
  const width = address.family === 4 ? 32 : 128;
  if (slash < 0) return { ...address, prefix: width };
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > width) return null;
  return { ...address, prefix };
}

/** Is the address inside the block? */
export function ipInBlock(block: IpBlock, address: IpAddress): boolean {
  if (block.family !== address.family) return false;
  const shift = BigInt((block.family === 4 ? 32 : 128) - block.prefix);
  return block.value >> shift === address.value >> shift;
}

const blockCache = new Map<string, IpBlock | null>();
const addressCache = new Map<string, IpAddress | null>();

/** Request addresses repeat across every IP condition of an evaluation: parse each text once. */
function requestAddress(text: string): IpAddress | null {
  let address = addressCache.get(text);
  if (address === undefined) {
    address = parseIpAddress(text.trim());
    if (addressCache.size >= 5000) addressCache.clear();
    addressCache.set(text, address);
  }
  return address;
}

function policyBlock(text: string): IpBlock | null {
  let block = blockCache.get(text);
  if (block === undefined) {
    block = parseIpBlock(text.trim());
    if (blockCache.size >= 5000) blockCache.clear();
    blockCache.set(text, block);
  }
  return block;
}

/** A policy block read for the typed fast path: the network part worked out once. */
interface ReadBlock {
  readonly family: 4 | 6;
  readonly shift: bigint;
  readonly network: bigint;
}

function readBlock(text: string): ReadBlock | null {
  const block = policyBlock(text);
  if (block === null) return null;
  const shift = BigInt((block.family === 4 ? 32 : 128) - block.prefix);
  return { family: block.family, shift, network: block.value >> shift };
}

export const ipOperators: OperatorFamily = {
  variables: false,
  readsRequest: (request) => requestAddress(request) !== null,
  typed: {
    readPolicy: readBlock,
    readRequest: requestAddress,
    // The same test as ipInBlock, on the block's network read once.
    holds: (_base, want, have) => (want as ReadBlock).family === (have as IpAddress).family && (have as IpAddress).value >> (want as ReadBlock).shift === (want as ReadBlock).network,
  },
  compare(_base, policy, request) {
    const block = policyBlock(policy.value);
    if (block === null) return 'policyTypeError';
    const address = requestAddress(request);
    if (address === null) return 'requestTypeError';
    return ipInBlock(block, address) ? 'match' : 'noMatch';
  },
};
