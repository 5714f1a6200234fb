import { useId } from 'react';
import type { ArchivedNote } from '@empiria/shared';
import { useT } from '../i18n/language-store';
import { openPrintTab } from '../summary/summary-files';
import { noteFileName } from './archive-view';
import { useArchiveStore } from './archive-store';

/** Word, Markdown and the print page (saved as PDF from the print dialog) of the approved version. */
export function NoteDownloads({
  meeting,
  exports,
}: {
  meeting: { title: string; startsAt: string };
  exports: ArchivedNote['exports'];
}) {
  const t = useT();
  const labelId = useId();
  const downloading = useArchiveStore((state) => state.downloading);
  const download = useArchiveStore((state) => state.download);
  const print = useArchiveStore((state) => state.print);
  return (
    <div className="archive-downloads" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="archive-downloads-label">
        {t('archive.note.downloads')}:
      </span>
      <button
        type="button"
        className="button-secondary"
        disabled={downloading === exports.docx}
        onClick={() => void download(exports.docx, noteFileName(meeting, 'docx'))}
      >
        {t('archive.note.docx')}
      </button>
      <button
        type="button"
        className="button-secondary"
        disabled={downloading === exports.md}
        onClick={() => void download(exports.md, noteFileName(meeting, 'md'))}
      >
        {t('archive.note.md')}
      </button>
      <button
        type="button"
        className="button-secondary"
        disabled={downloading === exports.html}
        // The tab opens inside the click, before any await: a later one is a blocked popup.
        onClick={() =>
          void print(exports.html, noteFileName(meeting, 'html'), openPrintTab(t('archive.note.preparing')))
        }
      >
        {t('archive.note.pdf')}
      </button>
    </div>
  );
}
