import { boardFormatDefinition, type BoardFormatSource } from '@empiria/formats';
import { useLanguageStore } from '../i18n/language-store';

/**
 * A board's format name in the UI language, from the one owner of a board's format (D16): a
 * meeting's board is named by its agenda ("Program spotkania"), any other by its format.
 */
export function FormatName({ board }: { board: BoardFormatSource }) {
  const language = useLanguageStore((state) => state.language);
  return <>{boardFormatDefinition(board)?.name[language] ?? board.format}</>;
}
