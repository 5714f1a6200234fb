import { afterAll } from 'vitest';
import { mailLogContract } from '../../server/src/mail/invitation-mail-log.contract';
import { archiveStoreContract } from '../../server/src/networks/archive-store.contract';
import { attendanceListStoreContract } from '../../server/src/networks/attendance-list-store.contract';
import { homeStoreContract } from '../../server/src/networks/home-store.contract';
import { meetingReportStoreContract } from '../../server/src/networks/meeting-report-store.contract';
import { networkStoreContract } from '../../server/src/networks/network-store.contract';
import { publicNetworkStoreContract } from '../../server/src/public/public-network-store.contract';
import { postgresStoreFixtures } from '../support/store-fixtures';

/**
 * The network core's stores on a real PostgreSQL: the same contracts SQLite passes in the unit
 * project (the `*.contract.ts` beside each store).
 */
const postgres = postgresStoreFixtures('networks');
afterAll(() => postgres.drop());

networkStoreContract('postgres', postgres.open);
homeStoreContract('postgres', postgres.open);
attendanceListStoreContract('postgres', postgres.open);
meetingReportStoreContract('postgres', postgres.open);
mailLogContract('postgres', postgres.open);
publicNetworkStoreContract('postgres', postgres.open);
archiveStoreContract('postgres', postgres.open);
