import { sqliteStoreFixture } from '../storage/sql/store-fixture';
import { mailLogContract } from './invitation-mail-log.contract';

mailLogContract('sqlite', sqliteStoreFixture);
