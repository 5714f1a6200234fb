/**
 * Structured logs: one JSON object per line on stdout, so an operator can grep them and a test
 * can parse them. Fields are flat; `err` is reduced to its message and stack.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  base: LogFields = {},
): Logger {
  const threshold = LEVELS[level];
  const emit = (lvl: LogLevel, msg: string, fields?: LogFields) => {
    if (LEVELS[lvl] < threshold) return;
    const record: LogFields = { t: new Date().toISOString(), level: lvl, msg, ...base, ...fields };
    if (record.err instanceof Error) record.err = { message: record.err.message, stack: record.err.stack };
    write(JSON.stringify(record));
  };
  return {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
    child: (fields) => createLogger(level, write, { ...base, ...fields }),
  };
}

/** For tests: a logger that keeps its records in memory. */
export function createMemoryLogger(): Logger & { records: LogFields[] } {
  const records: LogFields[] = [];
  const logger = createLogger('debug', (line) => records.push(JSON.parse(line) as LogFields));
  return Object.assign(logger, { records });
}
