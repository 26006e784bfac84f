// Hash routes of the app (#/lab, #/request/<id>, #/scenario/<id>...): parsing and formatting, pure.
// Hash routing keeps the app working on any static host, under any sub-path, with a working back button.

export type Route =
  | { readonly kind: 'lab'; readonly entity?: string }
  | { readonly kind: 'request'; readonly id: string }
  | { readonly kind: 'scenarios' }
  | { readonly kind: 'scenario'; readonly id: string }
  | { readonly kind: 'graph' }
  | { readonly kind: 'cli' }
  | { readonly kind: 'share'; readonly payload: string };

/** Parses `location.hash`; anything unknown falls back to the lab. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [head = '', ...rest] = path.split('/');
  const tail = rest.map(safeDecode).join('/');
  switch (head) {
    case 'request':
      return tail ? { kind: 'request', id: tail } : { kind: 'lab' };
    case 'scenarios':
      return { kind: 'scenarios' };
    case 'scenario':
      return tail ? { kind: 'scenario', id: tail } : { kind: 'scenarios' };
    case 'graph':
      return { kind: 'graph' };
    case 'cli':
      return { kind: 'cli' };
    case 'share':
      // The payload is opaque (compressed lab); keep it exactly as written.
      return rest.length ? { kind: 'share', payload: rest.join('/') } : { kind: 'lab' };
    case 'lab':
      return tail ? { kind: 'lab', entity: tail } : { kind: 'lab' };
    default:
      return { kind: 'lab' };
  }
}

export function formatRoute(route: Route): string {
  switch (route.kind) {
    case 'lab':
      return route.entity ? `#/lab/${encodeURIComponent(route.entity)}` : '#/lab';
    case 'request':
      return `#/request/${encodeURIComponent(route.id)}`;
    case 'scenarios':
      return '#/scenarios';
    case 'scenario':
      return `#/scenario/${encodeURIComponent(route.id)}`;
    case 'graph':
      return '#/graph';
    case 'cli':
      return '#/cli';
    case 'share':
      return `#/share/${route.payload}`;
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
