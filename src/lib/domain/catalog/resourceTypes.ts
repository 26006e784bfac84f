// Resource-type recognition: which of a service's resource types an ARN (or ARN pattern) names,
// by matching it against the catalog's ARN formats. Invariant: a `${Placeholder}` never spans a ':'
// and spans a '/' only when it is the format's last part after a '/' (object keys, IAM paths).
import type { ServiceFile } from './types';

const compiled = new Map<string, RegExp>();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 'arn:${Partition}:s3:::${BucketName}/${ObjectName}' → a RegExp over ARNs (case-sensitive, as ARNs are). */
export function arnFormatPattern(format: string): RegExp {
  const cached = compiled.get(format);
  if (cached) return cached;
  const parts = format.split(/(\$\{[^}]+\})/);
  let source = '';
  parts.forEach((part, i) => {
    if (!part.startsWith('${')) {
      source += escapeRegExp(part);
      return;
    }
    const last = parts.slice(i + 1).every((p) => p === '');
    const afterSlash = (parts[i - 1] ?? '').endsWith('/');
    source += last && afterSlash ? '.+' : '[^:/]*';
  });
  const re = new RegExp(`^${source}$`);
  compiled.set(format, re);
  return re;
}

/**
 * Resource types of `service` whose ARN format the ARN pattern fits. Wildcards in the pattern are
 * read as ordinary characters, so 'arn:aws:s3:::b/*' is an object and 'arn:aws:s3:::*' a bucket.
 */
export function resourceTypesOfArn(service: ServiceFile, arn: string): string[] {
  const concrete = arn.replace(/^arn:[^:]*:/, 'arn:aws:');
  return Object.entries(service.resourceTypes)
    .filter(([, format]) => arnFormatPattern(format.replace('${Partition}', 'aws')).test(concrete))
    .map(([name]) => name);
}

/** The service prefix an ARN names (its third part), lower-cased; undefined when it is not an ARN. */
export function serviceOfArn(arn: string): string | undefined {
  const parts = arn.split(':');
  const service = parts[2];
  return parts.length >= 6 && parts[0] === 'arn' && service ? service.toLowerCase() : undefined;
}
