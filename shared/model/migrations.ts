import { CURRENT_SCHEMA_VERSION } from './issue.js';

/** One step that turns a version-`from` document into a version-`from + 1` document. */
export interface Migration {
  from: number;
  migrate(doc: Record<string, unknown>): Record<string, unknown>;
}

/**
 * The migrations of `issue.json`, oldest first. Empty while version 1 is the only
 * version written; a change to the schema adds a step here and bumps
 * CURRENT_SCHEMA_VERSION.
 */
export const ISSUE_MIGRATIONS: readonly Migration[] = [];

/** Why a document could not be brought to the current version. */
export type MigrationProblem = 'notAnObject' | 'noVersion' | 'tooNew' | 'noPath';

export type MigrationResult =
  | { ok: true; doc: Record<string, unknown>; from: number }
  | { ok: false; problem: MigrationProblem; version?: number };

/**
 * Brings a parsed `issue.json` to `target` by running the migrations in order. It does
 * not validate: the caller parses the result with IssueSchema.
 */
export function migrateIssue(
  raw: unknown,
  migrations: readonly Migration[] = ISSUE_MIGRATIONS,
  target: number = CURRENT_SCHEMA_VERSION,
): MigrationResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, problem: 'notAnObject' };
  let doc = raw as Record<string, unknown>;
  const from = doc.schemaVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) return { ok: false, problem: 'noVersion' };
  if (from > target) return { ok: false, problem: 'tooNew', version: from };
  for (let v = from; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, problem: 'noPath', version: v };
    doc = { ...step.migrate(doc), schemaVersion: v + 1 };
  }
  return { ok: true, doc, from };
}
