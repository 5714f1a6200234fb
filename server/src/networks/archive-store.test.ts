import { sqliteStoreFixture } from '../storage/sql/store-fixture';
import { archiveStoreContract } from './archive-store.contract';

archiveStoreContract('sqlite', sqliteStoreFixture);
