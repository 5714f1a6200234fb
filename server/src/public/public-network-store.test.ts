import { sqliteStoreFixture } from '../storage/sql/store-fixture';
import { publicNetworkStoreContract } from './public-network-store.contract';

publicNetworkStoreContract('sqlite', sqliteStoreFixture);
