import { afterAll } from 'vitest';
import { voteStoreContract } from '../../server/src/facilitation/vote-store.contract';
import { postgresStoreFixtures } from '../support/store-fixtures';

/** The facilitation stores' contracts on PostgreSQL (the run's private cluster). */
const postgres = postgresStoreFixtures('facilitation');
afterAll(() => postgres.drop());

voteStoreContract('postgres', postgres.open);
