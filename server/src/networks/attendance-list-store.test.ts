import { sqliteStoreFixture } from '../storage/sql/store-fixture';
import { attendanceListStoreContract } from './attendance-list-store.contract';

attendanceListStoreContract('sqlite', sqliteStoreFixture);
