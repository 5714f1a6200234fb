import { sqliteStoreFixture } from '../storage/sql/store-fixture';
import { photoStoreContract } from './photo-store.contract';

photoStoreContract('sqlite', sqliteStoreFixture);
