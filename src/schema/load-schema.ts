import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentNode } from 'graphql';
import gql from 'graphql-tag';

/** The API contract, at the repository root. */
export const SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');

/** Parses `schema.graphql` once; the SDL file is the source of truth. */
export function loadTypeDefs(file: string = SCHEMA_FILE): DocumentNode {
  return gql(readFileSync(file, 'utf8'));
}
