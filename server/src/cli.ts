#!/usr/bin/env node
import { parseArguments, UsageError, USAGE } from './cli-arguments';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './log';
import { exportInstallation, type TransferSummary } from './storage/transfer/export-installation';
import { ImportRefusedError, importInstallation } from './storage/transfer/import-installation';
import { openInstallation } from './storage/transfer/installation';

/**
 * `empiria export --out <file>` / `empiria import --in <file>`: the whole installation the
 * environment names (DATA_DIR, DATABASE_URL, as for the server) to an archive and back, between
 * either engine (docs/operations.md, "Export and import"). Exit 0 done, 1 failed or refused
 * (nothing changed), 2 a wrong command line or configuration.
 */
function describe(summary: TransferSummary): string {
  const tables = Object.values(summary.rows).filter((rows) => rows > 0).length;
  const rows = Object.values(summary.rows).reduce((sum, count) => sum + count, 0);
  return `${rows} rows in ${tables} tables, ${summary.files} files (${(summary.fileBytes / 1024 / 1024).toFixed(1)} MB)`;
}

async function main(args: readonly string[]): Promise<number> {
  let command;
  let config;
  try {
    command = parseArguments(args);
    if (command === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    config = loadConfig(process.env, '.');
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  // Warnings only: the command's own output is its summary line.
  const log = createLogger('warn');
  const started = Date.now();
  let installation;
  try {
    installation = await openInstallation(
      { dataDir: config.dataDir, databaseUrl: config.databaseUrl },
      command.action,
      log,
    );
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return err instanceof ConfigError ? 2 : 1;
  }
  try {
    if (command.action === 'export') {
      const summary = await exportInstallation(installation, command.file);
      process.stdout.write(
        `Exported ${installation.describe()} to ${command.file}: ${describe(summary)} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
      );
    } else {
      const summary = await importInstallation(installation, command.file);
      process.stdout.write(
        `Imported ${command.file} into ${installation.describe()}: ${describe(summary)} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n` +
          'DATA_DIR’s token secret (and admin token, when the archive has one) are the exported installation’s: its links and sessions keep working.\n',
      );
    }
    return 0;
  } catch (err) {
    const what =
      command.action === 'export'
        ? 'Export failed'
        : err instanceof ImportRefusedError
          ? 'Import refused'
          : 'Import failed';
    process.stderr.write(
      `${what}: ${(err as Error).message}\n` +
        (command.action === 'import' ? 'Nothing was imported.\n' : 'No archive was written.\n'),
    );
    return 1;
  } finally {
    await installation.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
