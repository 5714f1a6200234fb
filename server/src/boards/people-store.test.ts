import { sqliteStoreFixture } from '../storage/sql/store-fixture';
import { peopleStoreContract } from './people-store.contract';

peopleStoreContract('sqlite', sqliteStoreFixture);
