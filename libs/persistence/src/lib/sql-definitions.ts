import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Queryable } from './queries/queries';

/**
 * The current definition of every function and trigger that carries product logic lives in one
 * file under `libs/persistence/src/sql/` (functions/<name>.sql, triggers/<table>.sql), in the form
 * PostgreSQL prints it (pg_get_functiondef, pg_get_triggerdef). A migration that changes one applies
 * a frozen copy of the text it had then; the files say what a fresh database holds today, and a
 * test (sql-definitions.int-spec.ts) fails when the two differ.
 */
export const SQL_DIR = join(__dirname, '..', 'sql');

export type SqlDefinitions = Map<string, string>;

const normalise = (text: string) =>
  text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .trim() + '\n';

/** The definitions in the files: `functions/<name>` and `triggers/<table>` → text. */
export function sqlFiles(dir = SQL_DIR): SqlDefinitions {
  const out: SqlDefinitions = new Map();
  for (const kind of ['functions', 'triggers'])
    for (const file of readdirSync(join(dir, kind)).sort())
      if (file.endsWith('.sql'))
        out.set(
          `${kind}/${file.slice(0, -4)}`,
          normalise(readFileSync(join(dir, kind, file), 'utf8')),
        );
  return out;
}

/**
 * The definitions in a database: its own functions in the public schema (not those of extensions)
 * and the triggers on its tables (not PostgreSQL's internal ones), grouped by table.
 */
export async function sqlDefinitions(db: Queryable): Promise<SqlDefinitions> {
  const out: SqlDefinitions = new Map();
  const functions = (await db.query(
    `SELECT p.proname AS name, pg_get_functiondef(p.oid) AS def
     FROM pg_proc p
     WHERE p.pronamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_depend d
                       WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
     ORDER BY p.proname, pg_get_function_identity_arguments(p.oid)`,
  )) as { name: string; def: string }[];
  for (const f of functions) {
    const key = `functions/${f.name}`;
    // overloads of one name share its file
    out.set(key, normalise([out.get(key), f.def].filter(Boolean).join('\n\n')));
  }
  const triggers = (await db.query(
    `SELECT c.relname AS table, pg_get_triggerdef(t.oid) AS def
     FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace
       -- a partition's copy of its parent's trigger
       AND t.tgparentid = 0
     ORDER BY c.relname, t.tgname`,
  )) as { table: string; def: string }[];
  for (const t of triggers) {
    const key = `triggers/${t.table}`;
    out.set(
      key,
      normalise([out.get(key), `${t.def};`].filter(Boolean).join('\n')),
    );
  }
  return out;
}

/** What differs: definitions only in the database, only in the files, or different in both. */
export function sqlDrift(
  database: SqlDefinitions,
  files: SqlDefinitions,
): { onlyInDatabase: string[]; onlyInFiles: string[]; different: string[] } {
  const keys = new Set([...database.keys(), ...files.keys()]);
  const onlyInDatabase: string[] = [];
  const onlyInFiles: string[] = [];
  const different: string[] = [];
  for (const k of [...keys].sort()) {
    const a = database.get(k);
    const b = files.get(k);
    if (b === undefined) onlyInDatabase.push(k);
    else if (a === undefined) onlyInFiles.push(k);
    else if (a !== b) different.push(k);
  }
  return { onlyInDatabase, onlyInFiles, different };
}
