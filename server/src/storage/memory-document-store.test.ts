import { documentStoreContract } from './document-store.contract';
import { MemoryDocumentStore } from './memory-document-store';

documentStoreContract('memory', async () => ({ store: new MemoryDocumentStore() }));
