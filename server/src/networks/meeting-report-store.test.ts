import { sqliteStoreFixture } from '../storage/sql/store-fixture';
import { meetingReportStoreContract } from './meeting-report-store.contract';

meetingReportStoreContract('sqlite', sqliteStoreFixture);
