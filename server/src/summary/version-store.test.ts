import { sqliteStoreFixture } from '../storage/sql/store-fixture';
import { versionStoreContract } from './version-store.contract';

versionStoreContract('sqlite', sqliteStoreFixture);
