import type { BrowserContext, Page } from 'playwright-core';

/** What a test waits for before it uses a board page: the canvas in sync, and optionally more. */
export interface BoardReady {
  /** The control document has arrived (the format's step is known). */
  control?: boolean;
  /** The facilitation tools' test hooks are in place. */
  facilitation?: boolean;
}

/** Waits until the board page is connected and in sync (and whatever else `ready` asks for). */
export async function waitForBoard(page: Page, ready: BoardReady = {}): Promise<void> {
  await page.waitForFunction(
    ({ control, facilitation }) =>
      window.__empiria?.connectionStatus() === 'connected' &&
      (!control || window.__empiria.controlSynced()) &&
      (!facilitation || (window as { __empiriaFacilitation?: unknown }).__empiriaFacilitation !== undefined),
    { control: ready.control ?? false, facilitation: ready.facilitation ?? false },
    { timeout: 30_000 },
  );
  // Attached, not visible: a phone opens on the list, with the canvas mounted under it.
  await page.locator('.tl-canvas').waitFor({ state: 'attached' });
}

/**
 * Opens an invite link as a person would: the join form with name and city (and, when given,
 * "in the room / online"), then waits for the board.
 */
export async function joinBoard(
  context: BrowserContext,
  inviteUrl: string,
  person: { name: string; city: string; where?: 'room' | 'online' },
  options: { ready?: BoardReady; beforeSubmit?: (page: Page) => Promise<void> } = {},
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(inviteUrl);
  await page.getByTestId('join-form').waitFor();
  await page.fill('input[name=name]', person.name);
  await page.fill('input[name=city]', person.city);
  if (person.where) await page.getByTestId(`place-${person.where}`).check({ force: true });
  await options.beforeSubmit?.(page);
  await page.click('button[type=submit]');
  await waitForBoard(page, options.ready);
  return page;
}

/**
 * The session token `page` got when it joined the board (stored as `empiria.session.<boardId>` by
 * client/src/session/session-storage.ts): for API calls, or a Yjs client, as that person.
 */
export function sessionTokenIn(page: Page, boardId: string): Promise<string> {
  return page.evaluate(
    (id) =>
      (JSON.parse(localStorage.getItem(`empiria.session.${id}`) ?? '{}') as { sessionToken: string })
        .sessionToken,
    boardId,
  );
}
