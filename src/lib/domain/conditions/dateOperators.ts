// Date condition operators: DateEquals, DateLessThan(Equals), DateGreaterThan(Equals), DateNotEquals.
// Invariant: values are W3C/ISO 8601 dates (`2026-01-31`, `2026-01-31T12:00:00Z`, with fraction or offset)
// or epoch seconds (`1767225600`); a date-time without a zone is read as UTC so results never depend on
// the machine's time zone. AWS: IAM JSON policy elements: Condition operators, "Date condition operators".
import { orderedHolds, type OperatorFamily } from './comparison';

const isoDate =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const epochSeconds = /^\d+$/;

/** Milliseconds since the epoch, or null when the text is not a date AWS accepts. */
export function parseDate(text: string): number | null {
  if (epochSeconds.test(text)) return Number(text) * 1000;
  const m = isoDate.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((part) =>
    part === undefined ? 0 : Number(part),
  ) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`) * 1000;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second) + fraction;
  // Date.UTC rolls 2026-02-30 over into March; a day that does not exist is not a date.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  const zone = m[8];
  if (zone !== undefined && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
    ms -= sign * offsetMinutes * 60_000;
  }
  return ms;
}

export const dateOperators: OperatorFamily = {
  variables: false,
  readsRequest: (request) => parseDate(request) !== null,
  typed: {
    readPolicy: parseDate,
    readRequest: parseDate,
    holds: (base, want, have) => orderedHolds(base, have as number, want as number) === true,
  },
  compare(base, policy, request) {
    const want = parseDate(policy.value);
    if (want === null) return 'policyTypeError';
    const have = parseDate(request);
    if (have === null) return 'requestTypeError';
    let holds: boolean;
    switch (base) {
      case 'DateEquals':
      case 'DateNotEquals':
        holds = have === want;
        break;
      case 'DateLessThan':
        holds = have < want;
        break;
      case 'DateLessThanEquals':
        holds = have <= want;
        break;
      case 'DateGreaterThan':
        holds = have > want;
        break;
      case 'DateGreaterThanEquals':
        holds = have >= want;
        break;
      default:
        return 'policyTypeError';
    }
    return holds ? 'match' : 'noMatch';
  },
};
