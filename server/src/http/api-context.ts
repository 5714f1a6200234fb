import type { AccessResolver } from '../auth/access';
import type { AttendanceStore } from '../boards/attendance-store';
import type { BoardService } from '../boards/board-service';
import type { Logger } from '../log';
import type { InvitationMailService } from '../mail/invitation-mail-service';
import type { DemoLoader } from '../demo/demo-loader';
import type { ArchiveServices } from '../networks/archive-services';
import type { ContinuityService } from '../networks/continuity-service';
import type { MeetingReportService } from '../networks/meeting-report-service';
import type { ForumService } from '../networks/forum-service';
import type { SurveyService } from '../networks/survey-service';
import type { BoardSurveyService } from '../networks/board-survey-service';
import type { NetworkDocumentsService } from '../networks/network-documents-service';
import type { PlanService } from '../networks/plan-service';
import type { NetworkServices } from '../networks/network-services';
import type { OfficeHoursService } from '../networks/office-hours-service';
import type { PhotoService } from '../photos/photo-service';
import type { PublicationService } from '../public/publication-service';
import type { SetAsideStore } from '../storage/set-aside-store';
import type { RoomRegistry } from '../sync/room-registry';
import type { FacilitationServices } from '../facilitation/facilitation-services';
import type { RouteGuards } from './routes/route';
import type { OpsContext } from './routes/ops-routes';
import type { SummaryServices } from '../summary/summary-services';

/** What the API's route modules are given. */
export interface ApiContext {
  boards: BoardService;
  attendance: AttendanceStore;
  access: AccessResolver;
  guards: RouteGuards;
  registry: RoomRegistry;
  log: Logger;
  version: string;
  startedAt: number;
  tldrawLicenseKey: string | null;
  facilitation: FacilitationServices;
  summary: SummaryServices;
  photos: PhotoService;
  setAside: SetAsideStore;
  networks: NetworkServices;
  /** What a meeting's board brings from the network's earlier meetings. */
  continuity: ContinuityService;
  /** A network's archive, search and the office overview. */
  archive: ArchiveServices;
  /** The facilitator's report after each meeting (issue #13 item 2). */
  meetingReports: MeetingReportService;
  /** E-mailed invitations; null when SMTP is not configured. */
  invitationMail: InvitationMailService | null;
  /** The network forum (threads, posts, unread counts, needs onto agendas). */
  forum: ForumService;
  /** A network's surveys: trust, expectations, evaluations, and their results. */
  surveys: SurveyService;
  /** What the pair puts before the room on a meeting's board: a survey to answer, results to see. */
  boardSurveys: BoardSurveyService;
  /** A network's document space: folders, files checked by their bytes, versions (issue #13 item 5). */
  networkDocuments: NetworkDocumentsService;
  /** The network's work plan: sections, actions, their review on a meeting's board. */
  plan: PlanService;
  /** The networks' public pages: published notes, feed, the pair's switch (issue #13 item 6). */
  publication: PublicationService;
  /** The expert's office hours: slots, bookings, the Q&A log (issue #13 item 4). */
  officeHours: OfficeHoursService;
  /** Loads the demo networks (POST /api/admin/demo). */
  loadDemo: DemoLoader;
  /** /healthz, /healthz/live and /metrics. */
  ops: OpsContext;
}
