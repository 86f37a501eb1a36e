import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { GraphError, GraphErrorCode } from './errors';
import type { CypherQuery, EngineKind } from './port';

/** The folder that holds every query as a named `.cypher` file. */
export const CYPHER_DIR = path.resolve(__dirname, '../../cypher');

const ENGINES: readonly EngineKind[] = ['neo4j', 'embedded'];
const SLOT = /\{\{(\w+)\}\}/g;
/** Slot values are labels, relationship types or label expressions such as `Person|State`. */
const SLOT_VALUE = /^[A-Za-z_][A-Za-z0-9_]*(\|[A-Za-z_][A-Za-z0-9_]*)*$/;

export interface CypherFile {
  /** The query's name: its path under `cypher/` without extensions, e.g. `read/entity-by-id`. */
  readonly name: string;
  /** `shared` when both engines run it; otherwise the engine of this variant. */
  readonly variant: EngineKind | 'shared';
  readonly file: string;
  readonly text: string;
}

/** Reads every `.cypher` file under `dir`. */
export function readCypherFiles(dir: string = CYPHER_DIR): CypherFile[] {
  const files: CypherFile[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder).sort()) {
      const full = path.join(folder, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.cypher')) files.push(parseFileName(dir, full));
    }
  };
  walk(dir);
  return files;
}

function parseFileName(dir: string, file: string): CypherFile {
  const relative = path
    .relative(dir, file)
    .split(path.sep)
    .join('/')
    .replace(/\.cypher$/, '');
  const engine = ENGINES.find((e) => relative.endsWith(`.${e}`));
  const name = engine ? relative.slice(0, -(engine.length + 1)) : relative;
  return { name, variant: engine ?? 'shared', file, text: readFileSync(file, 'utf8').trim() };
}

/**
 * The queries one engine runs, loaded by name at start-up.
 *
 * A name resolves to its engine variant (`name.neo4j.cypher` or
 * `name.embedded.cypher`) when there is one, otherwise to the shared
 * `name.cypher`. Variants come in pairs: a name with only one engine's
 * variant and no shared file is a start-up error.
 */
export class CypherLibrary {
  private readonly texts = new Map<string, string>();

  constructor(
    readonly engine: EngineKind,
    files: readonly CypherFile[] = readCypherFiles(),
  ) {
    const byName = new Map<string, Map<CypherFile['variant'], CypherFile>>();
    for (const file of files) {
      const variants = byName.get(file.name) ?? new Map();
      variants.set(file.variant, file);
      byName.set(file.name, variants);
    }
    for (const [name, variants] of byName) {
      const chosen = variants.get(engine) ?? variants.get('shared');
      if (!chosen) {
        const present = [...variants.keys()].join(', ');
        throw new GraphError(
          GraphErrorCode.QUERY_NOT_FOUND,
          `cypher/${name} has a ${present} variant but no ${engine} variant and no shared file; ` +
            `add cypher/${name}.${engine}.cypher or cypher/${name}.cypher.`,
        );
      }
      this.texts.set(name, chosen.text);
    }
  }

  /** Fails at start-up, naming every query the code needs but `cypher/` lacks. */
  requireAll(names: readonly string[]): void {
    const missing = names.filter((n) => !this.texts.has(n));
    if (missing.length > 0) {
      throw new GraphError(
        GraphErrorCode.QUERY_NOT_FOUND,
        `Missing Cypher files for the ${this.engine} engine: ${missing.map((n) => `cypher/${n}.cypher`).join(', ')}.`,
      );
    }
  }

  has(name: string): boolean {
    return this.texts.has(name);
  }

  names(): string[] {
    return [...this.texts.keys()].sort();
  }

  /** The query `name`, with no slots. */
  get(name: string): CypherQuery {
    return this.render(name, {});
  }

  /**
   * The query `name` with its `{{slot}}` placeholders filled. Slot values must
   * come from the model's allowlist (labels, relationship types); they are
   * checked here once more so that no user text ever reaches query text.
   */
  render(name: string, slots: Readonly<Record<string, string>>): CypherQuery {
    const template = this.texts.get(name);
    if (template === undefined) {
      throw new GraphError(
        GraphErrorCode.QUERY_NOT_FOUND,
        `No Cypher query named "${name}" in cypher/.`,
      );
    }
    const text = template.replace(SLOT, (_match, slot: string) => {
      const value = slots[slot];
      if (value === undefined) {
        throw new GraphError(
          GraphErrorCode.QUERY_NOT_FOUND,
          `Query "${name}" needs a value for {{${slot}}}.`,
        );
      }
      if (!SLOT_VALUE.test(value)) {
        throw new GraphError(
          GraphErrorCode.QUERY_FAILED,
          `Refusing slot value ${JSON.stringify(value)} in "${name}".`,
        );
      }
      return value;
    });
    const suffix = Object.keys(slots).length > 0 ? `[${Object.values(slots).join(',')}]` : '';
    return { name: `${name}${suffix}`, text };
  }

  /** The statements of a multi-statement file (schema DDL), split on `;` at line ends. */
  statements(name: string): CypherQuery[] {
    return this.get(name)
      .text.split(/;\s*$/m)
      .map((s) => s.replace(/^\s*\/\/.*$/gm, '').trim())
      .filter((s) => s.length > 0)
      .map((text, i) => ({ name: `${name}#${i + 1}`, text }));
  }
}

/** Every slot name used by a query text. */
export function slotsOf(text: string): string[] {
  return [...new Set([...text.matchAll(SLOT)].map((m) => m[1] as string))];
}
