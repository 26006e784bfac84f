// ARN parsing shared by validation, matching and the world model. An ARN has six colon-separated
// parts; the resource part keeps its own colons and slashes, and a colon inside a policy variable
// such as ${aws:username} never splits a part. Never throws.
// AWS: "Identify AWS resources with Amazon Resource Names (ARNs)",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html

export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  /** Everything after the fifth colon, e.g. 'user/dev/alice' or 'function:my-fn:1'. */
  readonly resource: string;
}

/** Splits on the first `count` colons that are not inside `${...}`. */
function splitOutsideVariables(text: string, count: number): string[] {
  const parts: string[] = [];
  let start = 0;
  let inVariable = false;
  for (let i = 0; i < text.length && parts.length < count; i++) {
    const ch = text[i];
    if (!inVariable && ch === '$' && text[i + 1] === '{') inVariable = true;
    else if (inVariable && ch === '}') inVariable = false;
    else if (!inVariable && ch === ':') {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Parses `arn:partition:service:region:account:resource`; null when it is not shaped like one. */
export function parseArn(text: string): Arn | null {
  if (typeof text !== 'string') return null;
  const parts = splitOutsideVariables(text, 5);
  if (parts.length < 6 || parts[0] !== 'arn') return null;
  const [, partition = '', service = '', region = '', account = '', resource = ''] = parts;
  return { partition, service, region, account, resource };
}

/**
 * Whether a policy's Resource (or ArnLike value) is a usable ARN pattern: the six parts exist,
 * partition, service and resource are not empty. Wildcards (* ?) and policy variables may appear
 * in any part, as IAM allows.
 */
export function isValidArnPattern(text: string): boolean {
  const arn = parseArn(text);
  if (!arn) return false;
  return arn.partition !== '' && arn.service !== '' && arn.resource !== '';
}

export function formatArn(arn: Arn): string {
  return `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.account}:${arn.resource}`;
}
