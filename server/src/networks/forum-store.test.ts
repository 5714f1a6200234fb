import { sqliteStoreFixture } from '../storage/sql/store-fixture';
import { forumStoreContract } from './forum-store.contract';

forumStoreContract('sqlite', sqliteStoreFixture);
