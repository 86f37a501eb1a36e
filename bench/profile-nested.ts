/**
 * CPU-profile target: the nested query at fan-out 100 on the in-memory port
 * (scale S), i.e. the API's own JavaScript cost with no database.
 * Run: node --cpu-prof --cpu-prof-dir=bench/results/prof --import tsx bench/profile-nested.ts
 */
import type { Graph } from '../src/graph';
import { InMemoryGraph } from './in-memory-graph';
import { implementations, runOnce, stopApollo } from './measure';
import { SCENARIOS } from './scenarios';
import { generateGraph } from './synthetic-graph';

async function main(): Promise<void> {
  const data = generateGraph(10_000, 42);
  const memory: Graph = new InMemoryGraph(data).asGraph();
  const impl = implementations(memory, memory)[2]!;
  const nested = SCENARIOS.find((s) => s.name === 'nested')!;
  const t = performance.now();
  for (let i = 0; i < 300; i++) await runOnce(impl, nested.operation(data.ids, 100, i));
  console.log(
    `300 nested(100) requests on the in-memory port: ${((performance.now() - t) / 300).toFixed(2)} ms mean`,
  );
  await stopApollo();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
