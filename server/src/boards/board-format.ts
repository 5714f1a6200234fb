import { agendaFormat, getFormat, type FormatDefinition } from '@empiria/formats';
import type { BoardInfo } from '@empiria/shared';

/** What a board records about its format: the format and version it was made with, its agenda. */
export type BoardFormatRecord = Pick<BoardInfo, 'format' | 'formatVersion' | 'agenda'>;

/**
 * The format a board follows, as the server reads it everywhere (guard, template, print, draft,
 * photos, search, stream, report, publication; D16, D26): a meeting's board its agenda composed
 * (each step pinned to its version), any other board the version of its format it was made with
 * — never the newest one, which would lay old boards out differently from what their clients
 * show. A version the formats package no longer lists is a bug there (formats/src/formats.ts keeps
 * every version boards were made with), so it throws rather than guess.
 */
export function formatOfBoard(board: BoardFormatRecord): FormatDefinition {
  if (board.agenda && board.agenda.length > 0) return agendaFormat(board.agenda);
  const format = getFormat(board.format, board.formatVersion);
  if (!format) {
    throw new Error(
      `${board.format} version ${board.formatVersion} is not in the formats package; every version a board was made with must stay listed`,
    );
  }
  return format;
}

/** The version of a format a board made today records: the newest. */
export function currentFormatVersion(formatId: BoardInfo['format']): number {
  const format = getFormat(formatId);
  if (!format) throw new Error(`${formatId} is not in the formats package`);
  return format.version;
}
