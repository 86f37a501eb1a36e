/**
 * The port contract (see test/integration/port-contract.test.ts) against
 * Neo4j. Runs only when NEO4J_URI is set; the database is wiped first.
 */
import { describeNeo4j } from '../helpers/graph-helper';
import { portContract } from '../integration/port-contract.test';

describeNeo4j('The graph port', portContract);
