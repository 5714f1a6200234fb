import { sqliteStoreFixture } from './sql/store-fixture';
import { boardRepositoryContract } from './board-repository.contract';

boardRepositoryContract('sqlite', sqliteStoreFixture);
