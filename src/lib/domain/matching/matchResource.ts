// Resource matching: does an ARN pattern from a Resource/NotResource element cover a request's resource?
// Invariant: wildcards never cross the colons between partition, service, region and account; inside the
// final resource part (which may hold `:` and `/`) they match across anything. Always case-sensitive.
// AWS: IAM JSON policy elements: Resource ("Including wildcards (*) in resource ARNs") and
// Condition operators, "Amazon Resource Name (ARN) condition operators" (each part is checked on its own).
import { splitArn } from './arnSegments';
import { compileWildcard, matchCompiled, type CompiledWildcard } from './wildcard';

type CompiledResource =
  | { readonly kind: 'any' }
  /** prefix ('arn'), partition, service, region, account, resource. */
  | { readonly kind: 'segments'; readonly parts: readonly CompiledWildcard[] }
  /** Not six parts (e.g. `arn:aws:ec2:*`): matched as one glob over the whole ARN. */
  | { readonly kind: 'whole'; readonly compiled: CompiledWildcard };

const cache = new Map<string, CompiledResource>();
const escapedCache = new Map<string, CompiledResource>();
const MAX_CACHE = 5000;

function compileResource(pattern: string, escaped: boolean): CompiledResource {
  if (pattern === '*') return { kind: 'any' };
  const parts = splitArn(pattern);
  // An escaped `\:` does not occur in practice (ARN parts never need it), so splitting the raw text is safe.
  if (!parts) return { kind: 'whole', compiled: compileWildcard(pattern, false, escaped) };
  const prefix = pattern.slice(0, pattern.indexOf(':'));
  return { kind: 'segments', parts: [prefix, ...parts].map((part) => compileWildcard(part, false, escaped)) };
}

function compiledFor(pattern: string, escaped: boolean): CompiledResource {
  const map = escaped ? escapedCache : cache;
  let compiled = map.get(pattern);
  if (!compiled) {
    compiled = compileResource(pattern, escaped);
    if (map.size >= MAX_CACHE) map.clear();
    map.set(pattern, compiled);
  }
  return compiled;
}

function matchResourceCompiled(compiled: CompiledResource, arn: string): boolean {
  if (compiled.kind === 'any') return true;
  if (compiled.kind === 'whole') return matchCompiled(compiled.compiled, arn);
  const parts = splitArn(arn);
  // A six-part pattern cannot cover a value that is not a six-part ARN (e.g. the '*' of actions without resources).
  if (!parts) return false;
  const [prefixPattern, partition, service, region, account, resource] = compiled.parts as [
    CompiledWildcard,
    CompiledWildcard,
    CompiledWildcard,
    CompiledWildcard,
    CompiledWildcard,
    CompiledWildcard,
  ];
  return (
    matchCompiled(prefixPattern, arn.slice(0, arn.indexOf(':'))) &&
    matchCompiled(partition, parts[0]) &&
    matchCompiled(service, parts[1]) &&
    matchCompiled(region, parts[2]) &&
    matchCompiled(account, parts[3]) &&
    matchCompiled(resource, parts[4])
  );
}

/** Does the Resource pattern cover the ARN? `*` alone covers everything. */
export function matchResource(pattern: string, arn: string): boolean {
  return matchResourceCompiled(compiledFor(pattern, false), arn);
}

/**
 * Same as matchResource for a pattern in escaped-glob syntax, as produced by substituteVariables
 * (so that `${*}` and `${?}` stay literal characters).
 */
export function matchResourceEscaped(pattern: string, arn: string): boolean {
  return matchResourceCompiled(compiledFor(pattern, true), arn);
}
