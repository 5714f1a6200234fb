import { afterAll } from 'vitest';
import { attendanceStoreContract } from '../../server/src/boards/attendance-store.contract';
import { peopleStoreContract } from '../../server/src/boards/people-store.contract';
import { privateNoteStoreContract } from '../../server/src/facilitation/private-note-store.contract';
import { photoStoreContract } from '../../server/src/photos/photo-store.contract';
import { boardRepositoryContract } from '../../server/src/storage/board-repository.contract';
import { setAsideStoreContract } from '../../server/src/storage/set-aside-store.contract';
import { versionStoreContract } from '../../server/src/summary/version-store.contract';
import { postgresStoreFixtures } from '../support/store-fixtures';

/** The boards' and the meeting's stores keep the promises they keep on SQLite, on PostgreSQL. */
const postgres = postgresStoreFixtures('boards');
afterAll(() => postgres.drop());

boardRepositoryContract('postgres', postgres.open);
setAsideStoreContract('postgres', postgres.open);
peopleStoreContract('postgres', postgres.open);
attendanceStoreContract('postgres', postgres.open);
photoStoreContract('postgres', postgres.open);
versionStoreContract('postgres', postgres.open);
privateNoteStoreContract('postgres', postgres.open);
