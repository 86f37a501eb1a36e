import { ConfigError, loadConfig, redactedConfig } from '../config/config';
import { graphLocation, isGraphError } from '../graph';
import { bootstrapGraph } from '../server/bootstrap';
import { startHttpServer } from '../server/http-server';
import { createLogger } from '../server/logger';

/** Starts the server: config, graph, schema, seed when empty, HTTP. Stops cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  logger.debug({ config: redactedConfig(config) }, 'configuration');
  const where = graphLocation(config.graph);
  let graph;
  try {
    graph = await bootstrapGraph(config.graph, { seedIfEmpty: config.seedOnStart, logger });
  } catch (error) {
    const message = isGraphError(error)
      ? `${error.code}: ${error.message}`
      : (error as Error).message;
    process.stderr.write(
      `Cannot start: the ${config.graph.engine} graph at ${where} failed to open. ${message}\n`,
    );
    process.exit(1);
  }
  const server = await startHttpServer(config, graph, logger);
  logger.info({ url: server.url, engine: config.graph.engine }, 'server ready');
  if (config.production && config.playground) {
    logger.warn(
      { playground: true, introspection: config.introspection },
      `PLAYGROUND=true: GraphiQL is served at ${server.url} in production, with introspection ${config.introspection ? 'on' : 'off'}`,
    );
  }
  process.stdout.write(
    `\nKnowledge graph API ready at ${server.url} (engine: ${config.graph.engine}, ${where})\n`,
  );
  if (config.playground)
    process.stdout.write(`GraphiQL playground: ${server.url} (open it in a browser)\n`);
  if (!config.production)
    process.stdout.write(`Explorer: ${server.url.replace(/\/graphql$/, '/explorer')}\n\n`);

  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server
      .shutdown()
      .then(() => {
        logger.info('stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  // `npm run backup` asks a running server for a snapshot with SIGUSR2 (the database is locked to this process).
  process.on('SIGUSR2', () => {
    graph.port
      .snapshot?.()
      .then((info) => logger.info({ snapshot: info.file, seq: info.seq }, 'snapshot taken'))
      .catch((error: unknown) => logger.error({ err: error }, 'snapshot failed'));
  });
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

void main();
