import type { Params } from '../values';

/** How many edits a whole-name near-miss may have: none for short words. */
export function maxEditsFor(text: string): number {
  if (text.length >= 8) return 2;
  if (text.length >= 4) return 1;
  return 0;
}

/**
 * The embedded variant of `search/text` matches substrings and, for typos,
 * whole names within `maxEdits` (LadybugDB's full-text index is a download).
 * Kept apart from the adapter so that it loads without the native addon.
 */
export function embeddedSearchParams(text: string): Params {
  return { maxEdits: maxEditsFor(text) };
}
