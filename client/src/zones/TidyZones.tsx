import { useEffect, useState } from 'react';
import { useT } from '../i18n/language-store';
import { useLocalized } from '../formats/localized';
import { layoutOf } from '../formats/format-layout';
import { useStepStore } from '../control/step-store';
import { useBoardEditor } from '../session/board-context';
import { tidyNotesInZone } from './tidy-zone';

const TIDY_MESSAGE_MS = 6000;

/** For the facilitator and the expert: tidy the notes of one zone of the current sheet. */
export function TidyZones() {
  const t = useT();
  const local = useLocalized();
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const canLead = useStepStore((state) => state.canLead);
  const editor = useBoardEditor();
  const [message, setMessage] = useState<string | null>(null);
  // "Tidied 6 notes in …" confirms one click: it goes after a few seconds, and with the step.
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(null), TIDY_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [message]);
  useEffect(() => setMessage(null), [currentIndex]);
  const step = format && currentIndex !== null ? format.steps[currentIndex] : undefined;
  if (!canLead || !format || !step || !editor) return null;

  const tidy = (zoneId: string, label: string) => {
    const outcome = tidyNotesInZone(editor, layoutOf(format), step.id, zoneId);
    const zone = t('common.quoted', { text: label });
    setMessage(
      outcome.tidied === 0 ? t('tidy.empty', { zone }) : t('tidy.done', { count: outcome.tidied, zone }),
    );
  };
  return (
    <section className="tidy-zones" aria-labelledby="tidy-heading" data-testid="tidy-zones">
      <h2 id="tidy-heading">{t('tidy.heading')}</h2>
      <p className="muted small">{t('tidy.hint')}</p>
      <div className="tidy-buttons">
        {step.zones.map((zone) => (
          <button
            key={zone.id}
            type="button"
            className="button-secondary tidy-button"
            onClick={() => tidy(zone.id, local(zone.label))}
            data-zone-id={zone.id}
          >
            {t('tidy.zone', { zone: local(zone.label) })}
          </button>
        ))}
      </div>
      {message && (
        <p className="tidy-message" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
