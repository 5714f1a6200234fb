import { useEffect, useRef } from 'react';
import { useStepStore } from '../control/step-store';
import { useT } from '../i18n/language-store';
import { useServerNow } from '../clock/clock-store';
import { useFacilitationStore } from './facilitation-store';
import { Icon } from '../ui/icons';
import { playTimerSignal, unlockSound } from './timer-sound';
import { justElapsed, timerView } from './timer-view';
import type { TimerView } from './timer-view';

/** The timer as everyone sees it, computed from the server-stamped end and the clock offset. */
export function useTimerView(): TimerView {
  const timer = useStepStore((state) => state.control.timer);
  const now = useServerNow(200);
  return timerView(timer, now);
}

/**
 * The timer in the top bar, for everyone: the time left (large, tabular digits), "paused", or a
 * pulsing "Time's up". At zero a sound plays too, if this device turned it on (off by default).
 */
export function TimerChip() {
  const t = useT();
  const view = useTimerView();
  const sound = useFacilitationStore((state) => state.timerSound);
  const setSound = useFacilitationStore((state) => state.setTimerSound);
  const previous = useRef<TimerView | null>(null);

  useEffect(() => {
    if (justElapsed(previous.current, view) && useFacilitationStore.getState().timerSound) playTimerSignal();
    previous.current = view;
  }, [view]);

  if (view.phase === 'stopped') return null;
  const aria =
    view.phase === 'elapsed'
      ? t('timer.ariaElapsed')
      : view.phase === 'paused'
        ? t('timer.ariaPaused', { time: view.label })
        : t('timer.aria', { time: view.label });
  return (
    <div
      className={`timer-chip timer-${view.phase}${view.urgent ? ' timer-urgent' : ''}`}
      data-testid="timer-chip"
      data-phase={view.phase}
      data-remaining-ms={view.remainingMs}
    >
      <span className="timer-chip-main" role="timer" aria-label={aria} title={aria}>
        <Icon name="timer" />
        {/* At zero the banner over the canvas says it in words; the top bar stays compact. */}
        <strong className="timer-chip-time" data-testid="timer-time">
          {view.label}
        </strong>
        {view.phase === 'paused' && <span className="timer-chip-state">{t('timer.paused')}</span>}
      </span>
      <button
        type="button"
        className={`timer-sound${sound ? ' is-on' : ''}`}
        aria-pressed={sound}
        aria-label={t('timer.sound')}
        title={sound ? t('timer.soundOn') : t('timer.soundOff')}
        onClick={() => {
          if (!sound) unlockSound();
          setSound(!sound);
        }}
        data-testid="timer-sound"
      >
        <Icon name={sound ? 'bell' : 'bell-off'} />
      </button>
    </div>
  );
}
