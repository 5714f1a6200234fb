import { sqliteStoreFixture } from './sql/store-fixture';
import { setAsideStoreContract } from './set-aside-store.contract';

setAsideStoreContract('sqlite', sqliteStoreFixture);
