# syntax=docker/dockerfile:1
#
# kg-graphql: GraphQL knowledge-graph API.
#
#   docker build -t kg-graphql .
#   docker run -p 4000:4000 -e NEO4J_URI=bolt://host:7687 -e NEO4J_PASSWORD=... kg-graphql
#
# Without NEO4J_URI the container serves the embedded LadybugDB engine from
# /app/data (mount a volume there to keep the graph across restarts).
#
# Debian bookworm-slim rather than alpine: LadybugDB (@ladybugdb/core) ships
# a prebuilt native addon linked against glibc and OpenSSL 3 (libssl.so.3).

# ---------------------------------------------------------------------------
# Build stage: full dependency tree (TypeScript, codegen, Vite), compile to
# dist/ and build the explorer page into web/dist/.
# ---------------------------------------------------------------------------
FROM node:22-bookworm-slim AS build
WORKDIR /app

# Lockfile first so the dependency layer is cached across source edits.
COPY package.json package-lock.json ./
COPY vendor ./vendor
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build

# ---------------------------------------------------------------------------
# Runtime stage: production dependencies and compiled output only.
# ---------------------------------------------------------------------------
FROM node:22-bookworm-slim AS runtime

# The LadybugDB addon (lbugjs.node) links libssl.so.3 / libcrypto.so.3, which
# the slim image does not ship (Node itself bundles OpenSSL statically).
RUN apt-get update \
  && apt-get install -y --no-install-recommends libssl3 \
  && rm -rf /var/lib/apt/lists/*

ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false

WORKDIR /app

# `npm ci` needs the lockfile; --omit=dev leaves out TypeScript, jest, codegen.
# The LadybugDB install script copies the prebuilt addon for this platform
# from its optional per-platform package; no compiler is needed.
COPY package.json package-lock.json ./
COPY vendor ./vendor
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY --from=build /app/dist ./dist
# The explorer page, built by `npm run build` (web:build), served at /explorer.
COPY --from=build /app/web/dist ./web/dist
# The GraphiQL playground (playground:build), sent to browsers at GET /graphql
# in development, and in production only with PLAYGROUND=true.
COPY --from=build /app/web/playground/dist ./web/playground/dist
COPY schema.graphql ./
COPY cypher ./cypher
COPY seed ./seed

# The embedded engine writes ./data/graph.lbug (EMBEDDED_DB_PATH); everything
# else stays owned by root and read-only for the service user.
# Mount a volume at /app/data to keep an embedded graph across containers.
RUN mkdir -p /app/data && chown node:node /app/data

# Unprivileged user that the official Node image provides.
USER node

EXPOSE 4000

# Readiness, not just liveness: /readyz answers 503 when the graph engine does
# not respond. Node's global fetch, because the slim image has no curl.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/readyz',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"

# The server itself, not `npm run serve:prod`: npm hands SIGTERM to the `sh -c`
# it spawned, which dies without passing it on, so the server would never get
# to drain in-flight requests (SHUTDOWN_GRACE_MS). This is the same entry point
# the serve:prod script runs (checked by test/unit/deploy-files.test.ts).
# Run with `--init` (compose sets `init: true`) so PID 1 reaps zombies.
CMD ["node", "dist/cli/serve.js"]
