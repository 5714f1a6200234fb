import { sqliteStoreFixture } from '../storage/sql/store-fixture';
import { privateNoteStoreContract } from './private-note-store.contract';

privateNoteStoreContract('sqlite', sqliteStoreFixture);
