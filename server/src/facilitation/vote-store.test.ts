import { sqliteStoreFixture } from '../storage/sql/store-fixture';
import { voteStoreContract } from './vote-store.contract';

voteStoreContract('sqlite', sqliteStoreFixture);
