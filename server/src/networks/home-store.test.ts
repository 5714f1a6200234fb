import { sqliteStoreFixture } from '../storage/sql/store-fixture';
import { homeStoreContract } from './home-store.contract';

homeStoreContract('sqlite', sqliteStoreFixture);
