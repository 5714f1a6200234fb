import { sqliteStoreFixture } from '../storage/sql/store-fixture';
import { planStoreContract } from './plan-store.contract';

planStoreContract('sqlite', sqliteStoreFixture);
