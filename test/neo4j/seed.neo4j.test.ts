/**
 * The article seed facts (see test/integration/seed.test.ts) against Neo4j.
 * Runs only when NEO4J_URI is set; the database is wiped first.
 */
import { describeNeo4j } from '../helpers/graph-helper';
import { seedContract } from '../integration/seed.test';

describeNeo4j('The article seed', seedContract);
