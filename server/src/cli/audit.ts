import os from 'node:os';
import path from 'node:path';
import { insertAuditEntries } from '../repositories/audit-repository.ts';
import type { EngineContext } from '../services/context.ts';

// What an operator does through the CLI (imports, publications, scoring, exports) is
// audited like what a user does through the API, with the operating-system user as
// the actor. Only the database hears of it: the CLI's output is fixed by the contract.

export const CLI_ROLE = 'beheer (CLI)';

export interface CliAction<T> {
  /** `cli:registry_import`, … (described in shared/src/api/audit-events.ts). */
  event: string;
  /** The command line as the operator typed it, without arguments (`mpg feed ingest`). */
  command: string;
  /** The file read, if any: only its name is recorded. */
  file?: string;
  /** What the work touched and its counts; never contents. */
  describe(result: T): { type: string; id: string; detail: string };
}

/** Runs `work` and audits its success or failure; a failure is rethrown unchanged. */
export async function auditedCli<T>(ctx: EngineContext, action: CliAction<T>, work: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // An unmigrated database cannot take the entry; the original error is what the operator must see.
    await write(ctx, action.command, action.event, 'failure', { type: 'file', id: fileName(action), detail: `mislukt: ${reason}`.slice(0, 500) }).catch(
      () => undefined,
    );
    throw error;
  }
  await write(ctx, action.command, action.event, 'success', action.describe(result));
  return result;
}

function fileName(action: { file?: string }): string {
  return action.file ? path.basename(action.file) : '';
}

async function write(ctx: EngineContext, command: string, event: string, outcome: 'success' | 'failure', object: { type: string; id: string; detail: string }) {
  await insertAuditEntries(ctx.db, [
    {
      at: ctx.clock.now().toISOString(),
      event,
      username: cliOperator(),
      role: CLI_ROLE,
      object_type: object.type,
      object_id: object.id,
      detail: object.detail,
      outcome,
      ip: null,
      session_hash: null,
      user_agent: command,
    },
  ]);
}

/** The operating-system user who ran the command. */
export function cliOperator(): string {
  try {
    return os.userInfo().username;
  } catch {
    // No passwd entry (a container running under an arbitrary uid).
    return `uid ${process.getuid?.() ?? 'onbekend'}`;
  }
}
