import { useState } from 'react';
import type { FormEvent } from 'react';
import { useT } from '../i18n/language-store';
import { timerAct } from './acts';
import { useFacilitationStore } from './facilitation-store';
import { useTimerView } from './TimerChip';
import { unlockSound } from './timer-sound';
import { TIMER_PRESETS, parseTimerLength } from './timer-view';
import { useSession } from '../session/board-context';

/** Start (presets or any length), pause and resume, a minute more, stop. */
export function TimerControls() {
  const session = useSession();
  const t = useT();
  const view = useTimerView();
  const busy = useFacilitationStore((state) => state.busy.timer ?? false);
  const sound = useFacilitationStore((state) => state.timerSound);
  const setSound = useFacilitationStore((state) => state.setTimerSound);
  const [custom, setCustom] = useState('');
  const [invalid, setInvalid] = useState(false);
  const running = view.phase === 'running';
  const paused = view.phase === 'paused';

  const start = (seconds: number) => void timerAct(session, { action: 'start', seconds });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const seconds = parseTimerLength(custom);
    setInvalid(seconds === null);
    if (seconds !== null) {
      start(seconds);
      setCustom('');
    }
  };

  return (
    <section className="console-section" aria-labelledby="console-timer" data-testid="console-timer">
      <h3 id="console-timer">{t('timer.heading')}</h3>
      <p className={`console-timer-display timer-${view.phase}${view.urgent ? ' timer-urgent' : ''}`}>
        {view.phase === 'stopped' ? (
          <span className="console-muted">{t('timer.off')}</span>
        ) : view.phase === 'elapsed' ? (
          <strong>{t('timer.elapsed')}</strong>
        ) : (
          <>
            <strong>{view.label}</strong>
            {paused && <span className="timer-chip-state">{t('timer.paused')}</span>}
          </>
        )}
      </p>
      {view.phase !== 'stopped' && (
        <div className="console-row">
          {running && (
            <button
              type="button"
              className="button-secondary"
              disabled={busy}
              onClick={() => void timerAct(session, { action: 'pause' })}
            >
              {t('timer.pause')}
            </button>
          )}
          {paused && (
            <button
              type="button"
              className="button-primary"
              disabled={busy}
              onClick={() => void timerAct(session, { action: 'resume' })}
            >
              {t('timer.resume')}
            </button>
          )}
          {view.phase !== 'elapsed' && (
            <button
              type="button"
              className="button-secondary"
              disabled={busy}
              onClick={() => void timerAct(session, { action: 'add', seconds: 60 })}
            >
              {t('timer.addMinute')}
            </button>
          )}
          <button
            type="button"
            className="button-secondary"
            disabled={busy}
            onClick={() => void timerAct(session, { action: 'stop' })}
            data-testid="timer-stop"
          >
            {t('timer.stop')}
          </button>
        </div>
      )}
      <p className="console-label" id="timer-presets">
        {t('timer.presets')}
      </p>
      <div className="console-row timer-presets" role="group" aria-labelledby="timer-presets">
        {TIMER_PRESETS.map((minutes) => (
          <button
            key={minutes}
            type="button"
            className="button-secondary timer-preset"
            disabled={busy}
            onClick={() => start(minutes * 60)}
            data-testid={`timer-preset-${minutes}`}
          >
            {t('timer.preset', { minutes })}
          </button>
        ))}
      </div>
      <form className="console-row timer-custom" onSubmit={submit}>
        <label className="visually-hidden" htmlFor="timer-custom">
          {t('timer.custom')}
        </label>
        <input
          id="timer-custom"
          inputMode="decimal"
          placeholder={t('timer.customPlaceholder')}
          value={custom}
          onChange={(event) => {
            setCustom(event.target.value);
            setInvalid(false);
          }}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'timer-custom-error' : undefined}
        />
        <button type="submit" className="button-secondary" disabled={busy || custom.trim() === ''}>
          {t('timer.start')}
        </button>
      </form>
      {invalid && (
        <p id="timer-custom-error" className="console-error" role="alert">
          {t('timer.customInvalid')}
        </p>
      )}
      <label className="console-check" title={sound ? t('timer.soundOn') : t('timer.soundOff')}>
        <input
          type="checkbox"
          checked={sound}
          onChange={(event) => {
            if (event.target.checked) unlockSound();
            setSound(event.target.checked);
          }}
        />
        <span>{t('timer.sound')}</span>
      </label>
    </section>
  );
}
