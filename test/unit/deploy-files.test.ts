/**
 * The deployment files cannot be run where this project is developed (no
 * Docker engine), so they are checked here by parsing: docker-compose.yml as
 * YAML, the Dockerfile instruction by instruction, .env.example line by line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

/** The documented configuration: every variable and its default (null = unset). */
const DOCUMENTED_ENV: Record<string, string | null> = {
  PORT: '4000',
  HOST: '0.0.0.0',
  NODE_ENV: 'development',
  NEO4J_URI: null,
  NEO4J_USER: 'neo4j',
  NEO4J_PASSWORD: null,
  NEO4J_DATABASE: 'neo4j',
  EMBEDDED_DB_PATH: './data/graph.lbug',
  EMBEDDED_BUFFER_POOL_MB: '512',
  EMBEDDED_MAX_DB_SIZE_GB: '16',
  EMBEDDED_CHECKPOINT_KB: '256',
  EMBEDDED_JOURNAL: 'true',
  EMBEDDED_STORAGE_RESERVE_MB: '64',
  EMBEDDED_SNAPSHOT_INTERVAL_MIN: '60',
  EMBEDDED_SNAPSHOT_KEEP: '3',
  API_TOKEN: null,
  CORS_ORIGINS: '',
  LOG_LEVEL: 'info',
  QUERY_TIMEOUT_MS: '10000',
  READY_TIMEOUT_MS: '2000',
  MAX_DEPTH: '8',
  MAX_ALIASES: '15',
  MAX_TOKENS: '2000',
  MAX_COST: '20000',
  BODY_LIMIT_BYTES: '102400',
  RESPONSE_LIMIT_BYTES: '10000000',
  INGEST_MAX_BYTES: '200000',
  INTROSPECTION: null,
  PLAYGROUND: null,
  SEED_ON_START: 'true',
  SHUTDOWN_GRACE_MS: '10000',
};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

type Yaml = Record<string, any>;

function packageScripts(): Record<string, string> {
  const pkg = JSON.parse(read('package.json')) as { scripts?: Record<string, string> };
  return pkg.scripts ?? {};
}

/** Compose `environment` in either map or `KEY=value` list form. */
function envOf(service: Yaml): Record<string, string | null> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry: string) => {
        const eq = entry.indexOf('=');
        return eq < 0 ? [entry, null] : [entry.slice(0, eq), entry.slice(eq + 1)];
      }),
    );
  }
  return Object.fromEntries(
    Object.entries(env).map(([k, v]) => [k, v === null || v === undefined ? null : String(v)]),
  );
}

interface PortMapping {
  target: number;
  published: string | null;
}

/** Compose `ports` in short ("[ip:]host:container[/proto]") or long form. */
function portsOf(service: Yaml): PortMapping[] {
  return (service.ports ?? []).map((p: unknown): PortMapping => {
    if (typeof p === 'object' && p !== null) {
      const long = p as { target: number | string; published?: number | string };
      return {
        target: Number(long.target),
        published: long.published == null ? null : String(long.published),
      };
    }
    const parts = String(p)
      .replace(/\/(tcp|udp)$/, '')
      .split(':');
    const target = Number(parts[parts.length - 1]);
    return { target, published: parts.length > 1 ? parts[parts.length - 2] : null };
  });
}

/** Compose `volumes` as (source, target) pairs. */
function mountsOf(service: Yaml): Array<{ source: string; target: string }> {
  return (service.volumes ?? []).map((v: unknown) => {
    if (typeof v === 'object' && v !== null) {
      const long = v as { source?: string; target: string };
      return { source: long.source ?? '', target: long.target };
    }
    const [source, target] = String(v).split(':');
    return { source, target };
  });
}

/** A healthcheck `test` (string or CMD array) as one string. */
function healthcheckText(service: Yaml): string {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : String(test ?? '');
}

/** A command (compose `command`, Dockerfile CMD) as argv. */
function argvOf(command: unknown): string[] {
  if (Array.isArray(command)) return command.map(String);
  const text = String(command ?? '').trim();
  if (text.startsWith('[')) return JSON.parse(text) as string[];
  return text.split(/\s+/).filter(Boolean);
}

/**
 * Asserts that a container command starts the server the way package.json
 * does: either `npm run <script>` with a script that exists, or `node <file>`
 * with the file that the `serve:prod` script runs.
 */
function expectRunsPackagedServer(argv: string[]): void {
  const scripts = packageScripts();
  if (argv[0] === 'npm') {
    expect(['run', 'run-script', 'start']).toContain(argv[1]);
    const script = argv[1] === 'start' ? 'start' : argv[2];
    expect(Object.keys(scripts)).toContain(script);
  } else {
    expect(argv[0]).toBe('node');
    const entry = argv[argv.length - 1];
    expect(entry).toMatch(/^dist\/.+\.js$/);
    expect(Object.keys(scripts)).toContain('serve:prod');
    expect(scripts['serve:prod']).toContain(entry);
  }
}

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions, continuation lines joined, comments dropped. */
function parseDockerfile(text: string): Instruction[] {
  const logical: string[] = [];
  let current = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      current += line.slice(0, -1) + ' ';
      continue;
    }
    current += line;
    if (current.trim() !== '') logical.push(current.trim());
    current = '';
  }
  if (current.trim() !== '') logical.push(current.trim());
  return logical.map((l) => {
    const match = /^(\S+)\s*(.*)$/.exec(l)!;
    return { keyword: match[1].toUpperCase(), args: match[2] };
  });
}

/** Instructions grouped by build stage (each starts at a FROM). */
function stagesOf(instructions: Instruction[]): Instruction[][] {
  const stages: Instruction[][] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') stages.push([]);
    if (stages.length > 0) stages[stages.length - 1].push(ins);
  }
  return stages;
}

// ---------------------------------------------------------------------------
// docker-compose.yml
// ---------------------------------------------------------------------------

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml')) as Yaml;
  const services = (compose.services ?? {}) as Record<string, Yaml>;
  const neo4j = services.neo4j ?? {};
  const api = services.api ?? {};

  it('defines a neo4j service and an api service', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['neo4j', 'api']));
  });

  describe('neo4j service', () => {
    it('runs Neo4j 5 community with a cypher-shell healthcheck', () => {
      expect(String(neo4j.image)).toMatch(/^neo4j:5/);
      expect(String(neo4j.image)).toContain('community');
      expect(healthcheckText(neo4j)).toContain('cypher-shell');
      expect(neo4j.healthcheck.interval).toBeDefined();
      expect(neo4j.healthcheck.retries).toBeGreaterThan(0);
      expect(neo4j.healthcheck.start_period).toBeDefined();
    });

    it('sets the initial password from NEO4J_PASSWORD through NEO4J_AUTH', () => {
      const env = envOf(neo4j);
      expect(env.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD(:?[-?].*)?\}$/);
    });

    it('passes no NEO4J_* variable that the image would turn into an unknown setting', () => {
      // The image writes every NEO4J_* variable (except its own control
      // variables) into neo4j.conf; Neo4j 5 refuses unknown settings.
      const control = new Set([
        'NEO4J_AUTH',
        'NEO4J_AUTH_PATH',
        'NEO4J_PLUGINS',
        'NEO4J_DEBUG',
        'NEO4J_ACCEPT_LICENSE_AGREEMENT',
      ]);
      for (const name of Object.keys(envOf(neo4j))) {
        if (control.has(name)) continue;
        expect(name).toMatch(/^NEO4J_(server|db|dbms|initial|browser|client)_/);
      }
    });

    it('publishes the HTTP (7474) and Bolt (7687) ports', () => {
      const ports = portsOf(neo4j);
      for (const target of [7474, 7687]) {
        const mapping = ports.find((p) => p.target === target);
        expect(mapping).toBeDefined();
        expect(mapping!.published).not.toBeNull();
      }
    });

    it('keeps its data in a named volume mounted at /data', () => {
      const mount = mountsOf(neo4j).find((m) => m.target === '/data');
      expect(mount).toBeDefined();
      expect(Object.keys(compose.volumes ?? {})).toContain(mount!.source);
    });
  });

  describe('api service', () => {
    it('is built from the Dockerfile in the repository root', () => {
      const context = typeof api.build === 'string' ? api.build : api.build?.context;
      expect(context).toBe('.');
    });

    it('waits for Neo4j to be healthy before starting', () => {
      expect(api.depends_on?.neo4j?.condition).toBe('service_healthy');
    });

    it('points NEO4J_URI at the neo4j service over bolt:// or neo4j://', () => {
      const env = envOf(api);
      const uri = new URL(String(env.NEO4J_URI));
      expect(['bolt:', 'neo4j:']).toContain(uri.protocol);
      expect(uri.hostname).toBe('neo4j');
      expect(uri.port === '' || uri.port === '7687').toBe(true);
    });

    it('passes the Neo4j user, password and database', () => {
      const env = envOf(api);
      expect(env.NEO4J_USER).toBe('neo4j');
      expect(env.NEO4J_PASSWORD).toMatch(/\$\{NEO4J_PASSWORD(:?[-?].*)?\}/);
      expect(env.NEO4J_DATABASE).toBe('neo4j');
    });

    it('uses the same password as the neo4j container', () => {
      const fromAuth = String(envOf(neo4j).NEO4J_AUTH).replace(/^neo4j\//, '');
      expect(envOf(api).NEO4J_PASSWORD).toBe(fromAuth);
    });

    it('runs in production mode with introspection on and seeding on start', () => {
      const env = envOf(api);
      expect(env.NODE_ENV).toBe('production');
      expect(env.INTROSPECTION).toBe('true');
      expect(env.SEED_ON_START).toBe('true');
    });

    it('never hard-codes an API token', () => {
      const token = envOf(api).API_TOKEN;
      expect(token === null || token === undefined || /^\$\{API_TOKEN[^}]*\}$/.test(token)).toBe(
        true,
      );
    });

    it('only sets variables that the server documents', () => {
      for (const name of Object.keys(envOf(api))) {
        expect(Object.keys(DOCUMENTED_ENV)).toContain(name);
      }
    });

    it('publishes port 4000', () => {
      const mapping = portsOf(api).find((p) => p.target === 4000);
      expect(mapping).toBeDefined();
      expect(mapping!.published).toBe('4000');
    });

    it('has a healthcheck on /readyz', () => {
      expect(healthcheckText(api)).toContain('/readyz');
    });

    it('starts the server that package.json serves in production', () => {
      expectRunsPackagedServer(argvOf(api.command));
    });
  });
});

// ---------------------------------------------------------------------------
// Dockerfile
// ---------------------------------------------------------------------------

describe('Dockerfile', () => {
  const instructions = parseDockerfile(read('Dockerfile'));
  const stages = stagesOf(instructions);
  const final = stages[stages.length - 1] ?? [];
  const inFinal = (keyword: string): Instruction[] => final.filter((i) => i.keyword === keyword);

  it('is a multi-stage build on Node 22 (Debian, glibc, for the LadybugDB addon)', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) {
      const image = stage[0].args.split(/\s+/).find((a) => !a.startsWith('--'))!;
      expect(image).toMatch(/^node:22(\.|-|$)/);
      expect(image).not.toMatch(/alpine/);
    }
  });

  it('builds with npm ci and npm run build in an earlier stage', () => {
    const runs = stages
      .slice(0, -1)
      .flat()
      .filter((i) => i.keyword === 'RUN')
      .map((i) => i.args);
    expect(runs.some((r) => /\bnpm ci\b/.test(r))).toBe(true);
    expect(runs.some((r) => /\bnpm run build\b/.test(r))).toBe(true);
    expect(Object.keys(packageScripts())).toContain('build');
  });

  it('installs only production dependencies in the final stage, from the lockfile', () => {
    const runs = inFinal('RUN').map((i) => i.args);
    const ciIndex = final.findIndex(
      (i) => i.keyword === 'RUN' && /\bnpm ci\b.*--omit=dev/.test(i.args),
    );
    expect(runs.some((r) => /\bnpm ci\b.*--omit=dev/.test(r))).toBe(true);
    const lockCopy = final.findIndex(
      (i) => i.keyword === 'COPY' && i.args.includes('package-lock.json'),
    );
    expect(lockCopy).toBeGreaterThanOrEqual(0);
    expect(lockCopy).toBeLessThan(ciIndex);
  });

  it('sets NODE_ENV=production in the final stage', () => {
    expect(inFinal('ENV').some((i) => /\bNODE_ENV[= ]production\b/.test(i.args))).toBe(true);
  });

  it('copies the compiled server, the schema, the Cypher files and the seed', () => {
    const copies = inFinal('COPY').map((i) => i.args);
    expect(copies.some((c) => /--from=\S+/.test(c) && /\bdist\b/.test(c))).toBe(true);
    for (const source of ['schema.graphql', 'cypher', 'seed']) {
      expect(
        copies.some((c) =>
          c
            .split(/\s+/)
            .slice(0, -1)
            .some((a) => a.replace(/\/$/, '') === source),
        ),
      ).toBe(true);
    }
  });

  it('runs as the non-root user node', () => {
    const users = inFinal('USER').map((i) => i.args.trim());
    expect(users[users.length - 1]).toBe('node');
  });

  it('exposes port 4000', () => {
    expect(inFinal('EXPOSE').some((i) => i.args.split(/\s+/).includes('4000'))).toBe(true);
  });

  it('has a HEALTHCHECK on /readyz that needs no curl', () => {
    const checks = inFinal('HEALTHCHECK');
    expect(checks).toHaveLength(1);
    expect(checks[0].args).toContain('/readyz');
    expect(checks[0].args).toMatch(/\bCMD node -e\b/);
  });

  it('starts the server that package.json serves in production', () => {
    const cmds = inFinal('CMD');
    expect(cmds.length).toBeGreaterThan(0);
    expectRunsPackagedServer(argvOf(cmds[cmds.length - 1].args));
  });
});

// ---------------------------------------------------------------------------
// .dockerignore
// ---------------------------------------------------------------------------

describe('.dockerignore', () => {
  const patterns = read('.dockerignore')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));

  it('keeps local dependencies, build output, data and artifacts out of the build context', () => {
    for (const entry of [
      'node_modules',
      'dist',
      'data',
      'test/artifacts',
      'bench/results',
      '.git',
      'coverage',
    ]) {
      expect(patterns.some((p) => p.replace(/^\*\*\//, '').replace(/\/$/, '') === entry)).toBe(
        true,
      );
    }
  });
});

// ---------------------------------------------------------------------------
// .env.example
// ---------------------------------------------------------------------------

describe('.env.example', () => {
  const lines = read('.env.example').split(/\r?\n/);
  const assignment = (name: string): RegExpMatchArray | undefined =>
    lines
      .map((l) => new RegExp(`^(#\\s*)?${name}=(.*)$`).exec(l.trim()))
      .find((m): m is RegExpExecArray => m !== null);

  it.each(Object.keys(DOCUMENTED_ENV))('lists %s', (name) => {
    expect(assignment(name)).toBeDefined();
  });

  it.each(Object.entries(DOCUMENTED_ENV).filter(([, value]) => value !== null))(
    'gives %s its documented default %p',
    (name, value) => {
      const match = assignment(name)!;
      expect(match[1]).toBeUndefined(); // not commented out
      expect(match[2]).toBe(value);
    },
  );

  it.each(
    Object.entries(DOCUMENTED_ENV)
      .filter(([, value]) => value === null)
      .map(([name]) => name),
  )('leaves %s unset (commented out)', (name) => {
    expect(assignment(name)![1]).toBeDefined();
  });

  it('puts a comment above every variable', () => {
    for (const name of Object.keys(DOCUMENTED_ENV)) {
      const index = lines.findIndex((l) => new RegExp(`^(#\\s*)?${name}=`).test(l.trim()));
      expect(lines[index - 1]?.trim().startsWith('#')).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------
// The test command
// ---------------------------------------------------------------------------

describe('the README test command', () => {
  it('is what .ci/run runs, and npm test installs the browser it needs first', () => {
    expect(read('README.md')).toMatch(/^npm ci && npm test\b/m);
    const ci = read('.ci/run')
      .split('\n')
      .filter((l) => /^npm /.test(l));
    expect(ci).toEqual(['npm ci --no-audit --no-fund', 'npm test']);
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
    expect(scripts.pretest).toBe('bash scripts/ensure-chromium.sh');
    expect(read('scripts/ensure-chromium.sh')).toMatch(/apt-get install -y -qq chromium/);
  });
});
