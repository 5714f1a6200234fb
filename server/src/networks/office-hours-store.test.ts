import { sqliteStoreFixture } from '../storage/sql/store-fixture';
import { officeHoursStoreContract } from './office-hours-store.contract';

officeHoursStoreContract('sqlite', sqliteStoreFixture);
