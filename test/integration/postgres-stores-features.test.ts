import { afterAll } from 'vitest';
import { forumStoreContract } from '../../server/src/networks/forum-store.contract';
import { networkDocumentsStoreContract } from '../../server/src/networks/network-documents-store.contract';
import { officeHoursStoreContract } from '../../server/src/networks/office-hours-store.contract';
import { planStoreContract } from '../../server/src/networks/plan-store.contract';
import { surveyStoreContract } from '../../server/src/networks/survey-store.contract';
import { postgresStoreFixtures } from '../support/store-fixtures';

/**
 * The network features' stores (forum, office hours, documents, surveys, work plan) on a real
 * PostgreSQL: the same contract suites the unit project runs on SQLite.
 */
const postgres = postgresStoreFixtures('features');
afterAll(() => postgres.drop());

forumStoreContract('postgres', postgres.open);
officeHoursStoreContract('postgres', postgres.open);
networkDocumentsStoreContract('postgres', postgres.open);
surveyStoreContract('postgres', postgres.open);
planStoreContract('postgres', postgres.open);
