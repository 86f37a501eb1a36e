/**
 * `npm run schema:apply`: creates the engine's schema (embedded tables, or
 * Neo4j constraints and indexes). Idempotent.
 */
import { applySchema, describeGraphConfig } from '../graph';
import { runWithGraph } from './cli-graph';

void runWithGraph('schema:apply', async (graph, config) => {
  console.log(`Applying the schema to the ${describeGraphConfig(config)}`);
  const statements = await applySchema(graph);
  console.log(`Applied ${statements} schema statements.`);
});
