// JSON pointers (RFC 6901) as the one way diagnostics and trace steps address parts of a
// document: '' is the whole document, '/Statement/0/Effect' a member; '~' and '/' are escaped.

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function childPointer(parent: string, token: string | number): string {
  return `${parent}/${typeof token === 'number' ? String(token) : escapePointerToken(token)}`;
}

/** The pointer one level up, or null for the document itself. */
export function parentPointer(pointer: string): string | null {
  if (pointer === '') return null;
  const slash = pointer.lastIndexOf('/');
  return slash <= 0 ? '' : pointer.slice(0, slash);
}
