import type { Location } from '@empiria/shared';
import { ApiRequestError } from '../api/http';
import { useStepStore } from '../control/step-store';
import { fetchPrintPage, preparePhoto, uploadPhoto } from './hybrid-api';
import { useHybridStore } from './hybrid-store';
import type { PrintState } from './hybrid-store';
import { photoProblem } from './photo-file';
import { rememberPlace } from './places';
import { printInTab, printPageUrl } from './print-tab';

/**
 * The hybrid tools' acts against the server, each reporting its progress and its outcome in
 * plain words through the hybrid store.
 */

/**
 * Fetches the print page for the chosen paper and shows it in `tab` (opened by the click that
 * asked, before any await), where the print dialog opens. A blocked tab leaves a link instead.
 */
export async function printSheets(tab: Window | null): Promise<void> {
  const { context, paper } = useHybridStore.getState();
  if (!context) return;
  useHybridStore.setState({ print: { phase: 'preparing' } });
  try {
    const html = await fetchPrintPage(context.boardId, context.token, paper);
    const url = printPageUrl(html);
    if (tab && !tab.closed) {
      printInTab(tab, url);
      useHybridStore.setState({ print: { phase: 'idle' }, menuOpen: false });
    } else {
      useHybridStore.setState({ print: { phase: 'blocked', url } });
    }
  } catch (error) {
    tab?.close();
    useHybridStore.setState({ print: { phase: 'failed', problem: printProblem(error) } });
  }
}

function printProblem(error: unknown): Extract<PrintState, { phase: 'failed' }>['problem'] {
  if (!(error instanceof ApiRequestError)) return 'generic';
  if (error.isNetworkError) return 'network';
  if (error.code === 'no_sheets') return 'no-sheets';
  if (error.status === 401 || error.status === 403) return 'forbidden';
  return 'generic';
}

/** The group's current step, where a photo of its paper sheet goes (none on a blank board). */
function currentStepId(): string | null {
  const { format, currentIndex } = useStepStore.getState();
  if (!format || format.steps.length === 0) return null;
  return format.steps[currentIndex ?? 0]?.id ?? null;
}

/**
 * Sends a photo of the current step's paper sheet; the server puts it on the canvas below the
 * sheet for everyone. Shows its progress, then what happened.
 */
export async function addSheetPhoto(file: File): Promise<void> {
  const { context } = useHybridStore.getState();
  if (!context) return;
  const set = (photo: ReturnType<typeof useHybridStore.getState>['photo']) =>
    useHybridStore.setState({ photo });
  set({ phase: 'preparing' });
  const prepared = await preparePhoto(file).catch(() => ({
    ok: false as const,
    problem: 'generic' as const,
  }));
  if (!prepared.ok) {
    set({ phase: 'failed', problem: prepared.problem });
    return;
  }
  set({ phase: 'uploading', share: 0 });
  try {
    const photo = await uploadPhoto({
      boardId: context.boardId,
      token: context.token,
      stepId: currentStepId(),
      file: prepared.body,
      onProgress: (share) => set({ phase: 'uploading', share }),
    });
    set({ phase: 'done', photo });
  } catch (error) {
    const problem =
      error instanceof ApiRequestError ? photoProblem(error.status, error.code) : ('generic' as const);
    set({ phase: 'failed', problem });
  }
}

export function dismissPhoto(): void {
  useHybridStore.setState({ photo: { phase: 'idle' } });
}

/** This person says where they are; remembered on the device and published to the others. */
export function setMyPlace(where: Location): void {
  const { context } = useHybridStore.getState();
  if (context) rememberPlace(context.boardId, where);
  useHybridStore.setState({ myPlace: where });
}
