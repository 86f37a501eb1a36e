/**
 * Analytics answers cached per graph version. The version is the number of
 * write transactions committed through the port (`QueryStats.commits`), so
 * any write made by this server makes the next question recompute. Writes
 * made elsewhere (another process on Neo4j) are not seen until this server
 * writes, or restarts.
 */
import { type Graph, type ReadQueries, createQueries } from '../graph';
import {
  type CentralityMeasure,
  type CommunityResult,
  type Scores,
  centrality,
  communities,
} from './algorithms';
import { type Projection, type ProjectionName, fetchProjection } from './projections';

/** A computed answer with where and when it came from. */
export interface Computed<T> {
  readonly value: T;
  readonly graphVersion: number;
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** How long fetching the projection and running the algorithm took. */
  readonly computedMs: number;
}

export class GraphAnalytics {
  private version = -1;
  /** In-flight or settled work by key; concurrent askers share one computation. */
  private readonly work = new Map<string, Promise<Computed<unknown>>>();

  /** Across requests, so over the graph's own port: no request's budget pays for a shared computation. */
  private readonly queries: ReadQueries;

  constructor(private readonly graph: Graph) {
    this.queries = graph.queryLayer
      ? graph.queryLayer(graph.port)
      : createQueries(graph.port, graph.cypher);
  }

  /** The current graph version. */
  get graphVersion(): number {
    return this.graph.port.stats.commits;
  }

  centrality(projection: ProjectionName, measure: CentralityMeasure): Promise<Computed<Scores>> {
    return this.cached(`centrality:${projection}:${measure}`, projection, (g) =>
      centrality(g, measure),
    );
  }

  communities(projection: ProjectionName): Promise<Computed<CommunityResult>> {
    return this.cached(`communities:${projection}`, projection, communities);
  }

  private projection(name: ProjectionName): Promise<Computed<Projection>> {
    return this.cached(`projection:${name}`, null, async () => fetchProjection(this.queries, name));
  }

  private cached<T>(
    key: string,
    projection: ProjectionName | null,
    compute: (g: Projection) => T | Promise<T>,
  ): Promise<Computed<T>> {
    const version = this.graphVersion;
    if (version !== this.version) {
      this.work.clear();
      this.version = version;
    }
    let entry = this.work.get(key) as Promise<Computed<T>> | undefined;
    if (!entry) {
      entry = (async () => {
        const started = performance.now();
        // A projection is computed from nothing; an algorithm from its (cached) projection.
        const source = projection
          ? (await this.projection(projection)).value
          : (undefined as unknown as Projection);
        const value = await compute(source);
        const g = projection ? source : (value as unknown as Projection);
        return {
          value,
          graphVersion: version,
          nodeCount: g.order,
          edgeCount: g.size,
          computedMs: Math.round((performance.now() - started) * 10) / 10,
        };
      })();
      this.work.set(key, entry);
      // A failure is not cached: the next question tries again.
      entry.catch(() => {
        if (this.work.get(key) === entry) this.work.delete(key);
      });
    }
    return entry;
  }
}

const instances = new WeakMap<Graph, GraphAnalytics>();

/** The one analytics cache of an open graph. */
export function analyticsFor(graph: Graph): GraphAnalytics {
  let analytics = instances.get(graph);
  if (!analytics) {
    analytics = new GraphAnalytics(graph);
    instances.set(graph, analytics);
  }
  return analytics;
}
