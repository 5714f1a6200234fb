import { useEffect, useLayoutEffect, useRef } from 'react';
import { useStepStore } from '../control/step-store';
import { useLocalized } from '../formats/localized';
import { useT } from '../i18n/language-store';
import { addSheetPhoto, printSheets, setMyPlace } from './hybrid-acts';
import { PRINT_PAPERS } from '@empiria/shared';
import { useHybridStore } from './hybrid-store';
import { Icon } from '../ui/icons';
import { OnlineHands } from './OnlineHands';
import { PlaceRadios } from './PlaceRadios';
import { PhotoStatus } from './PhotoStatus';
import { openPrintTab } from './print-tab';

/**
 * The top bar's "Sala" menu, for a hybrid meeting: where I am (room or online), the scribe's
 * panel, a photo of the current paper sheet and — for the facilitators and the organiser — the
 * sheets to print. Below the button: a photo on its way, and online people's raised hands.
 */
export function HybridMenu() {
  const t = useT();
  const context = useHybridStore((state) => state.context);
  const open = useHybridStore((state) => state.menuOpen);
  const setOpen = useHybridStore((state) => state.setMenuOpen);
  const root = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('keydown', onKey);
    };
  }, [open, setOpen]);

  // On a phone the popovers span the screen under the button (whose place the top bar decides).
  const photoPhase = useHybridStore((state) => state.photo.phase);
  useLayoutEffect(() => {
    const place = () => {
      const bottom = root.current?.getBoundingClientRect().bottom;
      if (bottom !== undefined) root.current?.style.setProperty('--hy-below', `${Math.round(bottom + 8)}px`);
    };
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, [open, photoPhase]);

  if (!context || (!context.canWork && !context.canPrint)) return null;
  return (
    <div className="hy-menu-root" ref={root}>
      <button
        type="button"
        className={`button-secondary hy-menu-button${open ? ' is-open' : ''}`}
        aria-expanded={open}
        aria-controls="hybrid-menu"
        // Named at every width: in a crowded top bar only the room's icon shows.
        aria-label={t('hybrid.menu')}
        title={t('hybrid.menuTitle')}
        onClick={() => setOpen(!open)}
        data-testid="hybrid-menu-button"
      >
        <Icon name="room" />
        <span className="hy-menu-button-label" aria-hidden="true">
          {t('hybrid.menu')}
        </span>
      </button>
      {/* Outside the menu, so a phone's camera can answer after the menu closed. */}
      <input
        ref={fileInput}
        className="visually-hidden"
        type="file"
        accept="image/*"
        capture="environment"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void addSheetPhoto(file);
        }}
        data-testid="photo-input"
      />
      {open ? (
        <MenuBody onPhoto={() => fileInput.current?.click()} />
      ) : (
        <div className="hy-floats">
          <PhotoStatus onAnother={() => fileInput.current?.click()} />
          <OnlineHands />
        </div>
      )}
    </div>
  );
}

function MenuBody({ onPhoto }: { onPhoto: () => void }) {
  const t = useT();
  const local = useLocalized();
  const context = useHybridStore((state) => state.context)!;
  const myPlace = useHybridStore((state) => state.myPlace);
  const scribeOpen = useHybridStore((state) => state.scribeOpen);
  const format = useStepStore((state) => state.format);
  const currentIndex = useStepStore((state) => state.currentIndex);
  const steps = format?.steps ?? [];
  const step = steps[currentIndex ?? 0];
  const hasZones = steps.some((s) => s.zones.length > 0);

  return (
    <div id="hybrid-menu" className="hy-menu" data-testid="hybrid-menu">
      {context.canWork && (
        <fieldset className="hy-menu-section hy-place-choice">
          <legend>{t('place.question')}</legend>
          <PlaceRadios value={myPlace} onChange={setMyPlace} name="menu-where" />
        </fieldset>
      )}
      {context.canWork && (
        <div className="hy-menu-section">
          {hasZones && (
            <button
              type="button"
              className="hy-menu-item"
              aria-pressed={scribeOpen}
              onClick={() => {
                useHybridStore.getState().setScribeOpen(!scribeOpen);
                useHybridStore.getState().setMenuOpen(false);
              }}
              data-testid="scribe-toggle"
            >
              <Icon name="keyboard" />
              <span>
                <strong>{t('scribe.open')}</strong>
                <small>{t('scribe.openHint')}</small>
              </span>
            </button>
          )}
          <button
            type="button"
            className="hy-menu-item"
            onClick={() => {
              onPhoto();
              useHybridStore.getState().setMenuOpen(false);
            }}
            data-testid="photo-add"
          >
            <Icon name="camera" />
            <span>
              <strong>{t('photo.add')}</strong>
              <small>
                {step ? t('photo.addHint', { title: local(step.title) }) : t('photo.addHintBlank')}
              </small>
            </span>
          </button>
        </div>
      )}
      {context.canPrint && steps.length > 0 && <PrintSection />}
    </div>
  );
}

function PrintSection() {
  const t = useT();
  const paper = useHybridStore((state) => state.paper);
  const setPaper = useHybridStore((state) => state.setPaper);
  const print = useHybridStore((state) => state.print);
  return (
    <fieldset className="hy-menu-section hy-print" data-testid="print-section">
      <legend>
        <Icon name="printer" /> {t('print.heading')}
      </legend>
      <div className="hy-segmented" role="radiogroup" aria-label={t('print.paper')}>
        {PRINT_PAPERS.map((option) => (
          <label key={option} className={option === paper ? 'is-checked' : undefined}>
            <input
              type="radio"
              name="print-paper"
              value={option}
              checked={option === paper}
              onChange={() => setPaper(option)}
            />
            {t(`print.${option}`)}
          </label>
        ))}
      </div>
      <p className="hy-muted">{t('print.hint')}</p>
      <button
        type="button"
        className="button-primary hy-print-button"
        disabled={print.phase === 'preparing'}
        onClick={() => void printSheets(openPrintTab(t('print.preparing')))}
        data-testid="print-sheets"
      >
        <Icon name="printer" />
        {print.phase === 'preparing' ? t('print.preparing') : t('print.submit')}
      </button>
      {print.phase === 'blocked' && (
        <p className="hy-note" role="status">
          {t('print.blocked')}{' '}
          <a href={print.url} target="_blank" rel="noreferrer">
            {t('print.openLink')}
          </a>
        </p>
      )}
      {print.phase === 'failed' && (
        <p className="hy-note hy-note-error" role="alert">
          {t(`print.error.${print.problem}`)}
        </p>
      )}
    </fieldset>
  );
}
