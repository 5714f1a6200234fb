import { sqliteStoreFixture } from '../storage/sql/store-fixture';
import { networkDocumentsStoreContract } from './network-documents-store.contract';

networkDocumentsStoreContract('sqlite', sqliteStoreFixture);
