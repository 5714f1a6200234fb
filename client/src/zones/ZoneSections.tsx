import type { ReactNode } from 'react';
import { useLocalized } from '../formats/localized';
import { useT } from '../i18n/language-store';
import type { SheetNote, ZoneSection } from './sheet-contents';
import './zone-sections.css';

/**
 * A sheet's zones as sections of readable cards: the zone's (and cell's) name, its clusters
 * under their names, its notes in their authors' colours. Sizes are in `em`: the screen that
 * shows it sets one font size (the room display fits it to the projector, a phone reads at 17 px).
 * `extra` adds something under a section (a phone's field to write into that zone).
 */
export function ZoneSections({
  sections,
  extra,
  noteExtra,
}: {
  sections: readonly ZoneSection[];
  extra?: (section: ZoneSection) => ReactNode;
  /** Something beside a vote target (a note or a cluster), by its id: a phone's vote buttons. */
  noteExtra?: (id: string) => ReactNode;
}) {
  const t = useT();
  const local = useLocalized();
  // A zone's number is what the room calls out to the scribe ("put it in 3"); on a sheet of one
  // zone there is nothing to tell apart, and a lone "1" under "Step 2" only confuses.
  const numbered = sections.length > 1;
  return (
    <>
      {sections.map((section) => {
        const { target } = section;
        const key = `${target.zoneId}/${target.cellId ?? ''}`;
        return (
          <section
            key={key}
            className="zs-section"
            data-testid="zone-section"
            data-zone-id={target.zoneId}
            data-cell-id={target.cellId ?? ''}
            style={{ flexGrow: Math.max(1, section.count) }}
          >
            <h2 className="zs-heading">
              {numbered && (
                <span className="zs-number" aria-hidden="true">
                  {target.number}
                </span>
              )}
              <span>
                {local(section.zoneLabel)}
                {section.cellLabel && <span className="zs-cell"> · {local(section.cellLabel)}</span>}
              </span>
            </h2>
            {section.clusters.map((cluster) => (
              <div key={cluster.id} className="zs-cluster" data-testid="zone-cluster">
                <h3 className="zs-cluster-name" data-testid="zone-cluster-name">
                  {cluster.name || t('zones.unnamedCluster')}
                  {noteExtra?.(cluster.id)}
                </h3>
                <NoteCards notes={cluster.notes} noteExtra={noteExtra} />
              </div>
            ))}
            {section.loose.length > 0 && <NoteCards notes={section.loose} noteExtra={noteExtra} />}
            {section.count === 0 && <p className="zs-empty">{t('zones.empty')}</p>}
            {extra?.(section)}
          </section>
        );
      })}
    </>
  );
}

function NoteCards({
  notes,
  noteExtra,
}: {
  notes: readonly SheetNote[];
  noteExtra?: (id: string) => ReactNode;
}) {
  const t = useT();
  return (
    <ul className="zs-notes">
      {notes.map((note) => (
        <li
          key={note.id}
          className="zs-note"
          data-color={note.color}
          data-kind={note.kind}
          data-testid="zone-note"
          data-note-id={note.id}
        >
          <span className="zs-note-text" data-testid="zone-note-text">
            {note.text || t('room.vote.untitled')}
          </span>
          {noteExtra?.(note.id)}
        </li>
      ))}
    </ul>
  );
}
