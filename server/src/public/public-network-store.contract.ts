import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlDatabase } from '../storage/sql/sql-database';
import type { StoreFixture } from '../storage/sql/store-fixture';
import { PublicNetworkStore } from './public-network-store';

const AT = '2026-11-30T08:00:00.000Z';

/** What PublicNetworkStore promises on every engine ([PUB1]); run by its .test.ts and on PostgreSQL. */
export function publicNetworkStoreContract(name: string, open: () => Promise<StoreFixture>): void {
  describe(`PublicNetworkStore contract: ${name}`, () => {
    let db: SqlDatabase;
    let cleanup: () => Promise<void>;
    let pages: PublicNetworkStore;

    beforeEach(async () => {
      ({ db, cleanup } = await open());
      pages = new PublicNetworkStore(db);
      await db.run(
        "INSERT INTO networks (id, name, theme, description, created_at) VALUES ('n1', 'Zielona', '', '', ?)",
        [AT],
      );
    });
    afterEach(() => cleanup());

    it('a page is closed until opened; opening again keeps its first opening; closing ends it', async () => {
      expect(await pages.get('n1')).toBeNull();
      await pages.open('n1', 'p-fela', AT);
      await pages.open('n1', 'office', '2026-12-01T08:00:00.000Z');
      expect(await pages.get('n1')).toEqual({ networkId: 'n1', openedBy: 'p-fela', openedAt: AT });
      await pages.close('n1');
      await pages.close('n1');
      expect(await pages.get('n1')).toBeNull();
    });

    it("a page of no network cannot be opened; a network's removal closes its page", async () => {
      await expect(pages.open('n-none', 'office', AT)).rejects.toThrow();
      await pages.open('n1', 'office', AT);
      await db.run("DELETE FROM networks WHERE id = 'n1'");
      expect(await pages.get('n1')).toBeNull();
    });
  });
}
