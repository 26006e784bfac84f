// Which of a pair of statement elements a statement uses (Action or NotAction, Resource or NotResource),
// as small integers: the statement checks branch on it for every statement of every request.
export const ELEMENT_NONE = 0;
export const ELEMENT_POSITIVE = 1;
export const ELEMENT_NOT = 2;
export type ElementUse = typeof ELEMENT_NONE | typeof ELEMENT_POSITIVE | typeof ELEMENT_NOT;
