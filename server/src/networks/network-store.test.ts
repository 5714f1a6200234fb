import { sqliteStoreFixture } from '../storage/sql/store-fixture';
import { networkStoreContract } from './network-store.contract';

networkStoreContract('sqlite', sqliteStoreFixture);
