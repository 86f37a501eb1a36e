/**
 * The extractor the server and the CLI use. One place to swap it (for
 * example for one backed by a language model): everything else takes an
 * `Extractor` as a parameter.
 */
import { ruleBasedExtractor } from './extract/rule-based-extractor';
import type { Extractor } from './plan';

/** The configured extractor: the rule-based one. Null would make ingestion refuse with a clear message. */
export function defaultExtractor(): Extractor | null {
  return ruleBasedExtractor;
}
