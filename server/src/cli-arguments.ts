import path from 'node:path';

/** The command line of `empiria` (cli.ts): what to do, and with which archive. */
export const USAGE = `Usage:
  empiria export --out <file>   write this installation (DATA_DIR, DATABASE_URL) to a new archive
  empiria import --in <file>    read an archive into this installation, which must be empty

Stop the server first. The archive holds every table, the uploaded files and the token secret:
keep it as safe as DATA_DIR itself.`;

export class UsageError extends Error {}

export interface CliCommand {
  action: 'export' | 'import';
  /** Absolute. */
  file: string;
}

export function parseArguments(args: readonly string[], cwd = process.cwd()): CliCommand | 'help' {
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) return 'help';
  const [action, flag, file, ...rest] = args;
  if (action !== 'export' && action !== 'import') throw new UsageError(`unknown command: ${action ?? ''}`);
  const expected = action === 'export' ? '--out' : '--in';
  if (flag !== expected || !file || rest.length > 0) {
    throw new UsageError(`empiria ${action} takes ${expected} <file>`);
  }
  return { action, file: path.resolve(cwd, file) };
}
