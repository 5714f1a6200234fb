import { react } from 'tldraw';
import type { Editor } from 'tldraw';
import { awarenessStateSchema, viewportSchema } from '@empiria/shared';
import type { Follow, Viewport } from '@empiria/shared';
import type { CanvasSync } from '../canvas/canvas-sync';
import {
  cameraForViewport,
  departsFrom,
  interpolateCamera,
  roundViewport,
  sameViewport,
} from '../camera/camera';
import type { Camera } from '../camera/camera';
import { cameraMover, moveCamera } from '../camera/camera-mover';

/** The awareness field that carries a person's viewport (page coordinates). */
export const VIEWPORT_FIELD = 'viewport';
/** The awareness field where a person following someone from the people list names them. */
export const FOLLOWING_FIELD = 'following';

/**
 * Whether anyone needs this person's viewport now: the group follows them ("follow me", the
 * control document's `follow`), or someone follows them from the people list (and says so in
 * their awareness, FOLLOWING_FIELD). A viewport nobody follows is not published: a camera move
 * is this person's own, and costs the room nothing.
 */
export function viewportWanted(selfId: string, follow: Follow | null, states: Map<number, unknown>): boolean {
  if (follow?.active && follow.leaderId === selfId) return true;
  for (const state of states.values()) {
    // Read without a schema: this runs on every awareness change in the room.
    if (
      typeof state === 'object' &&
      state !== null &&
      (state as Record<string, unknown>)[FOLLOWING_FIELD] === selfId
    )
      return true;
  }
  return false;
}

export interface ViewportPublisher {
  /** Someone needs the viewport (publish it, and each move), or nobody does any more (withdraw it). */
  setWanted(wanted: boolean): void;
  stop(): void;
}

/**
 * Publishes this person's viewport in the canvas room's awareness, next to tldraw's presence,
 * while it is wanted: "follow me" and following someone from the people list read it. Only then
 * does it watch the camera. Read-only roles publish nothing (the canvas sync has no publisher
 * for them).
 */
export function publishViewport(editor: Editor, sync: CanvasSync): ViewportPublisher {
  let last: Viewport | null = null;
  let stopWatching: (() => void) | null = null;
  const watch = () =>
    react('empiria publish viewport', () => {
      const bounds = editor.getViewportPageBounds();
      const view = roundViewport({ x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h });
      if (sameViewport(last, view, 0)) return;
      last = view;
      sync.setAwarenessField(VIEWPORT_FIELD, view);
    });
  return {
    setWanted(wanted) {
      if (wanted && !stopWatching) stopWatching = watch();
      if (wanted || !stopWatching) return;
      stopWatching();
      stopWatching = null;
      last = null;
      // Withdrawn, so that a later follower never starts from where this person looked back then.
      sync.setAwarenessField(VIEWPORT_FIELD, null);
    },
    stop() {
      stopWatching?.();
      stopWatching = null;
    },
  };
}

/** The viewport a person publishes, from any of their connections; null when none is known. */
export function viewportOfPerson(sync: CanvasSync, personId: string): Viewport | null {
  for (const state of sync.awarenessStates().values()) {
    const parsed = awarenessStateSchema.safeParse(state);
    if (!parsed.success || parsed.data.user.id !== personId) continue;
    const view = viewportSchema.safeParse((state as Record<string, unknown>)[VIEWPORT_FIELD]);
    if (view.success) return view.data;
  }
  return null;
}

/** A step glide is a change every frame; this long without one, it has come to rest. */
const STEP_GLIDE_REST_MS = 250;

export interface LeaderCameraOptions {
  /** Whose view to follow now (null: nobody). */
  leaderId: () => string | null;
  /** The person moved the camera themselves while following. */
  onStepAway: () => void;
  /** Whether the leader's view is known (for "waiting for …"). */
  onVisible: (visible: boolean) => void;
  /** A move came to rest: a summon's, or a follow's (the step's camera should know). */
  onPlaced: (kind: 'summon' | 'follow') => void;
}

/**
 * Moves this person's camera onto someone else's viewport and keeps it there while they follow:
 * each awareness update of the leader starts a short chase (a few frames of easing, so the view
 * glides rather than jumps). Every camera change made here runs as the `leader` mover
 * (camera-mover.ts). The group's step may glide the camera to its sheet meanwhile; once that glide
 * rests, the camera goes back onto the leader. Any other change is the person's: a wheel, a pinch,
 * the hand tool, the zoom buttons — they stepped away.
 */
export class LeaderCamera {
  private frame = 0;
  private placed: Camera | null = null;
  private resync: ReturnType<typeof setTimeout> | null = null;
  private readonly disposers: Array<() => void> = [];

  constructor(
    private readonly editor: Editor,
    private readonly sync: CanvasSync,
    private readonly options: LeaderCameraOptions,
  ) {}

  start(): () => void {
    this.disposers.push(this.sync.onAwarenessChange(() => this.follow(false)));
    this.disposers.push(
      this.editor.sideEffects.registerAfterChangeHandler('camera', (_prev, next) => {
        const mover = cameraMover(this.editor);
        if (mover === 'leader' || !this.options.leaderId() || next.id !== this.editor.getCamera().id) return;
        if (mover === 'step') {
          // The group's step moved us to its sheet: back onto the leader once that glide rests.
          if (this.resync) clearTimeout(this.resync);
          this.resync = setTimeout(() => this.moveNow(), STEP_GLIDE_REST_MS);
          return;
        }
        if (this.placed && !departsFrom(this.placed, next, this.screen())) return;
        cancelAnimationFrame(this.frame);
        this.placed = null;
        this.options.onStepAway();
      }),
    );
    return () => this.stop();
  }

  stop(): void {
    cancelAnimationFrame(this.frame);
    if (this.resync) clearTimeout(this.resync);
    for (const dispose of this.disposers.splice(0)) dispose();
  }

  /** Moves to the leader now (a new follow, or "back to …"). */
  moveNow(): void {
    this.placed = null;
    this.follow(true);
  }

  /** Shows `view` (someone's viewport) once, e.g. for "bring everyone here". */
  show(view: Viewport, immediate = false): void {
    const to = this.cameraFor(view);
    this.placed = to;
    this.chase(to, immediate, 'summon');
  }

  private follow(force: boolean): void {
    const leaderId = this.options.leaderId();
    if (!leaderId) {
      this.options.onVisible(false);
      return;
    }
    const view = viewportOfPerson(this.sync, leaderId);
    this.options.onVisible(view !== null);
    if (!view) return;
    const to = this.cameraFor(view);
    if (!force && this.placed && !departsFrom(this.placed, to, this.screen(), 0.002)) return;
    this.placed = to;
    this.chase(to, false, 'follow');
  }

  private chase(to: Camera, immediate: boolean, kind: 'summon' | 'follow'): void {
    cancelAnimationFrame(this.frame);
    const screen = this.screen();
    if (immediate || screen.w < 50 || reducedMotion()) {
      this.set(to);
      this.options.onPlaced(kind);
      return;
    }
    const started = performance.now();
    const from = this.editor.getCamera();
    const step = () => {
      const t = Math.min(1, (performance.now() - started) / 220);
      const eased = 1 - Math.pow(1 - t, 3);
      this.set(t === 1 ? to : interpolateCamera(from, to, screen, eased));
      if (t < 1) this.frame = requestAnimationFrame(step);
      else this.options.onPlaced(kind);
    };
    this.frame = requestAnimationFrame(step);
  }

  private set(camera: Camera): void {
    moveCamera(this.editor, 'leader', () => this.editor.setCamera(camera, { immediate: true, force: true }));
  }

  private cameraFor(view: Viewport): Camera {
    const steps = this.editor.getCameraOptions().zoomSteps;
    return cameraForViewport(view, this.screen(), {
      minZoom: steps[0] ?? 0.05,
      maxZoom: steps.at(-1) ?? 8,
    });
  }

  private screen(): { w: number; h: number } {
    const { w, h } = this.editor.getViewportScreenBounds();
    return { w, h };
  }
}

function reducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}
