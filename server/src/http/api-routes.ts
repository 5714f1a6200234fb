import type { ApiContext } from './api-context';
import { createArchiveRoutes } from './routes/archive-routes';
import { createBoardRoutes } from './routes/board-routes';
import { createContinuityRoutes } from './routes/continuity-routes';
import { createMeetingReportRoutes } from './routes/meeting-report-routes';
import { createFacilitationRoutes } from './routes/facilitation-routes';
import { createForumRoutes } from './routes/forum-routes';
import { createNetworkDocumentsRoutes } from './routes/network-documents-routes';
import { createSurveyRoutes } from './routes/survey-routes';
import { createBoardSurveyRoutes } from './routes/board-survey-routes';
import { createPlanRoutes } from './routes/plan-routes';
import { createGuestRoutes } from './routes/guest-routes';
import { createDemoRoutes } from './routes/demo-routes';
import { createInvitationMailRoutes } from './routes/invitation-mail-routes';
import { createNetworkRoutes } from './routes/network-routes';
import { createOpsRoutes } from './routes/ops-routes';
import { createOfficeHoursRoutes } from './routes/office-hours-routes';
import { createPhotoRoutes } from './routes/photo-routes';
import { createPrintRoutes } from './routes/print-routes';
import { createPublicRoutes } from './routes/public-routes';
import { createSetAsideRoutes } from './routes/set-aside-routes';
import type { Route } from './routes/route';
import { createSummaryRoutes } from './routes/summary-routes';

/** Every route of the JSON API, one module per feature. Each handler checks its caller itself. */
export function createApiRoutes(ctx: ApiContext): Route[] {
  return [
    ...createOpsRoutes(ctx.ops),
    ...createBoardRoutes(ctx),
    ...createFacilitationRoutes(ctx, ctx.facilitation),
    ...createSummaryRoutes(ctx, ctx.summary),
    ...createPrintRoutes(ctx),
    ...createPhotoRoutes(ctx, ctx.photos),
    ...createSetAsideRoutes(ctx, ctx.setAside),
    ...createNetworkRoutes(ctx, ctx.networks),
    ...createContinuityRoutes(ctx, ctx.continuity),
    ...createArchiveRoutes(ctx, ctx.networks, ctx.archive),
    ...createMeetingReportRoutes(ctx, ctx.meetingReports),
    ...createInvitationMailRoutes(ctx, ctx.invitationMail),
    ...createDemoRoutes(ctx, ctx.loadDemo),
    ...createForumRoutes(ctx, ctx.forum),
    ...createOfficeHoursRoutes(ctx, ctx.officeHours),
    ...createNetworkDocumentsRoutes(ctx, ctx.networkDocuments),
    ...createSurveyRoutes(ctx, ctx.surveys),
    ...createBoardSurveyRoutes(ctx, ctx.surveys, ctx.boardSurveys),
    ...createPlanRoutes(ctx, ctx.plan),
    ...createGuestRoutes(ctx),
    ...createPublicRoutes(ctx, ctx.publication),
  ];
}
