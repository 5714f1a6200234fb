import { sqliteStoreFixture } from '../storage/sql/store-fixture';
import { attendanceStoreContract } from './attendance-store.contract';

attendanceStoreContract('sqlite', sqliteStoreFixture);
