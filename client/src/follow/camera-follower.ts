import { react } from 'tldraw';
import type { Editor, TLCamera } from 'tldraw';
import {
  departsFrom,
  easeInOut,
  fitCamera,
  interpolateCamera,
  readableSheetCamera,
  showsHeadingWhole,
} from '../camera/camera';
import { cameraMover, moveCamera } from '../camera/camera-mover';
import type { Box, Camera, Size } from '../camera/camera';
import { INITIAL_FOLLOW_STATE, followReducer } from './follow-machine';
import type { FollowEffect, FollowEvent, FollowState } from './follow-machine';

export interface FollowTarget {
  /** The step whose sheet the group is on. */
  key: string;
  /** The sheet, in page coordinates. */
  box: Box;
  /** Its work area (the zones), shown first when the whole sheet would not read. */
  work?: Box;
  /** The page the sheet is on. */
  pageId: string;
}

/**
 * Screen pixels kept free around a sheet: tldraw's menus sit over the top corners and its toolbar
 * over the bottom centre, so a fitted sheet stays clear of them.
 */
const INSETS = { top: 56, bottom: 80, side: 12 };
const GLIDE_MS = 450;
/**
 * The least zoom at which a note reads: tldraw draws a note's text at 22 page units, so 13 px on
 * screen. A sheet is fitted no smaller than this (readableSheetCamera).
 */
export const READABLE_ZOOM = 0.6;

/**
 * Moves this person's camera to the group's sheet, and notices when they move it away
 * themselves. Every camera change made here runs as the `step` mover (camera-mover.ts), so a
 * change seen without it is someone else's: the person's hand, or a followed leader's view (which
 * the follow machine treats as leaving the sheet, until `movedForGroup` says it was the group's).
 */
export class CameraFollower {
  private state: FollowState = INITIAL_FOLLOW_STATE;
  private target: FollowTarget | null = null;
  /** Where we last put the camera (or are gliding to). */
  private placed: Camera | null = null;
  private frame = 0;
  private readonly disposers: Array<() => void> = [];

  /**
   * `onHeadingLeftOut` hears which step's sheet heading the view we put the camera at leaves out
   * (null: none): its last lines would show in the band of menus above the viewport, so the board
   * hides them while the person follows (SheetHeadingMask).
   */
  constructor(
    private readonly editor: Editor,
    private readonly onState: (state: FollowState) => void,
    private readonly onHeadingLeftOut: (stepKey: string | null) => void = () => {},
  ) {}

  start(): () => void {
    this.disposers.push(
      this.editor.sideEffects.registerAfterChangeHandler('camera', (_prev, next) => this.onCamera(next)),
    );
    let last: Size | null = null;
    this.disposers.push(
      react('empiria follow viewport', () => {
        const { w, h } = this.editor.getViewportScreenBounds();
        if (last && (last.w !== w || last.h !== h)) this.dispatch({ type: 'viewport-resized' });
        last = { w, h };
      }),
    );
    return () => this.stop();
  }

  stop(): void {
    cancelAnimationFrame(this.frame);
    for (const dispose of this.disposers.splice(0)) dispose();
  }

  /** The group's sheet changed (or became known); `mine` when this person moved the group. */
  setTarget(target: FollowTarget | null, mine = false): void {
    if (target && this.target?.key === target.key) {
      this.target = target;
      return;
    }
    this.target = target;
    this.dispatch({ type: 'target', target: target?.key ?? null, mine });
  }

  backToGroup(): void {
    this.dispatch({ type: 'back-to-group' });
  }

  /**
   * The camera was just moved for the group by someone else's lead (a summon, "follow me"):
   * where it is now counts as placed by us, so the person still goes along with the next step.
   */
  movedForGroup(): void {
    this.placed = { ...this.editor.getCamera() };
    // The leader's view, not one we chose: the canvas is drawn as it is.
    this.onHeadingLeftOut(null);
    this.dispatch({ type: 'moved-for-group' });
  }

  getState(): FollowState {
    return this.state;
  }

  private dispatch(event: FollowEvent): void {
    const { state, effect } = followReducer(this.state, event);
    const changed = state !== this.state;
    this.state = state;
    if (changed) this.onState(state);
    this.carryOut(effect);
  }

  private carryOut(effect: FollowEffect): void {
    if (effect === 'none' || !this.target) return;
    cancelAnimationFrame(this.frame);
    const viewport = this.viewport();
    if (viewport.w < 50 || viewport.h < 50) {
      // Not laid out yet: try again on the next frame.
      this.frame = requestAnimationFrame(() => this.carryOut(effect));
      return;
    }
    this.apply(() => {
      if (
        this.editor.getCurrentPageId() !== this.target!.pageId &&
        this.editor.getPage(this.target!.pageId as never)
      ) {
        this.editor.setCurrentPage(this.target!.pageId as never);
      }
    });
    const { camera: to, headingWhole } = this.fit(this.target, viewport);
    this.placed = to;
    this.onHeadingLeftOut(headingWhole ? null : this.target.key);
    const from = this.editor.getCamera();
    if (effect === 'jump' || prefersReducedMotion()) {
      this.apply(() => this.editor.setCamera(to, { immediate: true, force: true }));
      return;
    }
    const started = performance.now();
    const step = () => {
      const t = Math.min(1, (performance.now() - started) / GLIDE_MS);
      const camera = interpolateCamera(from, to, viewport, easeInOut(t));
      this.apply(() => this.editor.setCamera(t === 1 ? to : camera, { immediate: true, force: true }));
      if (t < 1) this.frame = requestAnimationFrame(step);
    };
    this.frame = requestAnimationFrame(step);
  }

  private onCamera(next: TLCamera): void {
    if (cameraMover(this.editor) === 'step') return;
    if (next.id !== this.editor.getCamera().id) return;
    cancelAnimationFrame(this.frame);
    const departed = this.placed ? departsFrom(this.placed, next, this.viewport()) : true;
    this.dispatch({ type: 'user-camera', departed });
  }

  private apply(change: () => void): void {
    moveCamera(this.editor, 'step', change);
  }

  private viewport(): Size {
    const { w, h } = this.editor.getViewportScreenBounds();
    return { w, h };
  }

  /** The camera for the target, and whether it shows the sheet's heading whole (below the menus). */
  private fit(target: FollowTarget, viewport: Size): { camera: Camera; headingWhole: boolean } {
    const steps = this.editor.getCameraOptions().zoomSteps;
    // Fit into the viewport less the insets, then shift so the sheet sits in the free area.
    const free = { w: viewport.w - 2 * INSETS.side, h: viewport.h - INSETS.top - INSETS.bottom };
    const limits = { inset: 0, minZoom: steps[0] ?? 0.05, maxZoom: steps.at(-1) ?? 8 };
    const camera = target.work
      ? readableSheetCamera(target.box, target.work, free, { ...limits, readableZoom: READABLE_ZOOM })
      : fitCamera(target.box, free, limits);
    return {
      camera: { x: camera.x + INSETS.side / camera.z, y: camera.y + INSETS.top / camera.z, z: camera.z },
      headingWhole: !target.work || showsHeadingWhole(camera, target.box, target.work, free),
    };
  }
}

function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}
