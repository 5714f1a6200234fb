export {
  ROLES,
  LEAD_ROLES,
  READ_ONLY_ROLES,
  roleSchema,
  isLeadRole,
  isReadOnlyRole,
  canCastDots,
  isNoteApproverRole,
} from './roles';
export type { Role } from './roles';
export { isGuestAttendee, partitionAttendance } from './guests';
export {
  DOC_KINDS,
  docKindSchema,
  BOARD_ID_PATTERN,
  boardIdSchema,
  roomPath,
  roomKey,
  parseRoomPath,
  isStreamDoc,
  isBoardRoom,
  NETWORK_DOC_KINDS,
  networkDocKindSchema,
  NETWORK_ID_PATTERN,
} from './rooms';
export type {
  DocKind,
  BoardId,
  RoomAddress,
  BoardRoomAddress,
  NetworkRoomAddress,
  NetworkDocKind,
} from './rooms';
export {
  awarenessRight,
  canReadDoc,
  canWriteDoc,
  canSendAwareness,
  canManageBoard,
  type AwarenessRight,
} from './permissions';
export {
  identitySchema,
  personNameSchema,
  cityNameSchema,
  CITY_PALETTE,
  cityColor,
  NOTE_COLORS,
  cityNoteColor,
} from './identity';
export type { Identity, NoteColor } from './identity';
export { MessageType, SyncMessageType, CloseCode, MAX_FRAME_BYTES } from './protocol/messages';
export { awarenessStateSchema, AWARENESS_USER_FIELD } from './protocol/awareness-state';
export type { AwarenessState } from './protocol/awareness-state';
export {
  apiErrorSchema,
  ERROR_CODES,
  BOARD_FORMATS,
  boardFormatSchema,
  invitesSchema,
  boardTitleSchema,
  createBoardRequestSchema,
  createBoardResponseSchema,
  boardInfoSchema,
  adminBoardSchema,
  boardListResponseSchema,
  boardAccessResponseSchema,
  joinRequestSchema,
  deviceSecretSchema,
  locationSchema,
  joinResponseSchema,
  revokeInviteResponseSchema,
  PERSON_STATUSES,
  personEntrySchema,
  peopleResponseSchema,
  mergePersonRequestSchema,
  clientConfigSchema,
  healthResponseSchema,
  engineHealthSchema,
  boardAgendaSchema,
  boardAgendaItemSchema,
  boardPersonIdSchema,
  stepIdSchema,
  PRINT_PAPERS,
  printPaperSchema,
  photoIdSchema,
  photoUploadResponseSchema,
} from './api';
export type {
  ApiError,
  BoardFormat,
  Invites,
  CreateBoardRequest,
  CreateBoardResponse,
  BoardInfo,
  AdminBoard,
  BoardListResponse,
  BoardAccessResponse,
  JoinRequest,
  Location,
  JoinResponse,
  RevokeInviteResponse,
  PersonEntry,
  PeopleResponse,
  MergePersonRequest,
  ClientConfig,
  HealthResponse,
  EngineHealth,
  BoardAgenda,
  BoardAgendaItem,
  PrintPaper,
  PhotoUploadResponse,
  UploadedPhoto,
} from './api';
export { LANGUAGES, DEFAULT_LANGUAGE, languageSchema, formatMessage } from './i18n/translate';
export type { Language, Message, MessageParams, PluralMessage } from './i18n/translate';
export { translate, DICTIONARIES } from './i18n/index';
export type { MessageKey } from './i18n/index';
export {
  CONTROL_MAP,
  CLIENT_CONTROL_KEYS,
  controlValueProblem,
  setAsideSchema,
  controlFormatSchema,
  controlStepSchema,
  controlMap,
  readControlKey,
  readControlState,
  writeControlKey,
  writeFormat,
  writeStep,
  moveToStep,
  watcherSchema,
} from './control/control-state';
export type {
  ControlFormat,
  ControlStep,
  ControlState,
  ControlKey,
  ControlValue,
  SetAside,
  Watcher,
} from './control/control-state';
export {
  MAX_TIMER_MS,
  STOPPED_TIMER,
  timerStateSchema,
  timerActionSchema,
  applyTimerAction,
  timerRemainingMs,
  timerElapsed,
} from './facilitation/timer';
export type { TimerState, TimerAction, TimerResult } from './facilitation/timer';
export {
  shapeIdSchema,
  voteSettingsSchema,
  voterSchema,
  rankingEntrySchema,
  votingStateSchema,
  myBallotsSchema,
  checkBallot,
  countedBallots,
  rankTargets,
} from './facilitation/voting';
export type {
  VoteSettings,
  VoteSettingsInput,
  Voter,
  RankingEntry,
  VotingState,
  Ballot,
  BallotCheck,
  MyBallots,
} from './facilitation/voting';
export {
  privateWritingStateSchema,
  startPrivateWritingRequestSchema,
  privateNoteInputSchema,
  privateNoteSchema,
  privateNotesResponseSchema,
  MAX_PRIVATE_NOTE_CHARS,
  MAX_PRIVATE_NOTE_GROW_Y,
  MAX_PRIVATE_NOTES_PER_PERSON,
  REVEALED_NOTE_STYLE,
} from './facilitation/private-writing';
export type {
  PrivateWritingState,
  PrivateNoteInput,
  PrivateNote,
  PrivateNotesResponse,
} from './facilitation/private-writing';
export { raisedHandSchema, raisedHandsSchema, raiseHandRequestSchema } from './facilitation/raised-hands';
export {
  ballotRequestSchema,
  privateNoteRemovedResponseSchema,
  privateNoteResponseSchema,
  privateWritingResponseSchema,
  raisedHandsResponseSchema,
  serverTimeResponseSchema,
  timerResponseSchema,
  voteSessionIdSchema,
  votingResponseSchema,
} from './facilitation/facilitation-api';
export type {
  BallotRequest,
  PrivateNoteRemovedResponse,
  PrivateNoteResponse,
  PrivateWritingResponse,
  RaisedHandsResponse,
  ServerTimeResponse,
  TimerResponse,
  VotingResponse,
} from './facilitation/facilitation-api';
export type { RaisedHand } from './facilitation/raised-hands';
export { viewportSchema, summonSchema, followSchema } from './facilitation/follow';
export type { Viewport, Summon, Follow } from './facilitation/follow';
export { roomPageSchema, pageShown, turnRoomPage } from './facilitation/room-page';
export {
  stepAccessSchema,
  observerAccessSchema,
  stepAccess,
  openStepIds,
} from './facilitation/observer-access';
export type { StepAccess, ObserverAccess } from './facilitation/observer-access';
export type { RoomPage } from './facilitation/room-page';
export { plainValueProblem, jsonBytes } from './documents/plain-value';
export type { PlainValueLimits } from './documents/plain-value';
export { CANVAS_RECORDS_ARRAY, CANVAS_META_MAP, CANVAS_SCHEMA_KEY } from './canvas/canvas-document';
export {
  ROOM_SOURCE,
  recordMetaSchema,
  recordMeta,
  recordMetaField,
  recordMetaProblem,
  metaWith,
  metaWithoutMalformed,
  withRecordMeta,
  isTemplateRecord,
  templateMetaOf,
  noteAuthorOf,
  privateRoundOf,
  noteZoneOf,
  clusterMetaOf,
  carriedOf,
} from './canvas/record-meta';
export type {
  TemplatePart,
  TemplateMeta,
  NoteAuthor,
  NoteZone,
  CarryStop,
  CarryCopy,
  CaseSource,
  RecordMeta,
  RecordMetaPatch,
} from './canvas/record-meta';
export type { JsonObject } from './documents/json';
export { slugSchema } from './slug';
export {
  MARKS,
  markSchema,
  textRunSchema,
  summaryBlockSchema,
  run,
  readSummaryBlocks,
  insertSummaryBlocks,
  normalizeBlocks,
  runsText,
} from './summary/summary-tree';
export type { Mark, TextRun, SummaryBlock } from './summary/summary-tree';
export { canonicalJson, contentHash } from './summary/summary-hash';
export {
  SUMMARY_BODY,
  SUMMARY_RECORD,
  SUMMARY_DRAFTS,
  SUMMARY_COMMENTS,
  SUMMARY_APPROVAL,
  MEETING_MODES,
  meetingModeSchema,
  attendeeSchema,
  meetingRecordSchema,
  summaryBody,
  readMeetingRecord,
  draftStateSchema,
  commentSchema,
  commentRequestSchema,
  APPROVAL_RULES,
  approvalRuleSchema,
  decisionSchema,
  shareConsentSchema,
  approvalStateSchema,
  openApprovalRequestSchema,
  draftRequestSchema,
  decisionRequestSchema,
  shareConsentRequestSchema,
} from './summary/summary-document';
export type {
  MeetingMode,
  Attendee,
  MeetingRecord,
  SummaryComment,
  ApprovalRule,
  Decision,
  ShareConsent,
  ApprovalState,
} from './summary/summary-document';
export { evaluateApproval, roundMembers, countedDecisions, countedConsents } from './summary/approval-rules';
export type { ApprovalOutcome } from './summary/approval-rules';
export {
  SHARING_AUDIENCES,
  approvalParticipants,
  isShared,
  sharingDecision,
  sharingDecisions,
  tookPartInApproval,
} from './summary/sharing-decision';
export type {
  SharingAudience,
  SharingDecision,
  SharingInput,
  SharingState,
} from './summary/sharing-decision';
export { personResolver, checkMerge } from './people/person-links';
export type { PersonLink, PersonResolver, MergeCheck } from './people/person-links';
export { applyDraft } from './summary/apply-draft';
export type { DraftUnitInput } from './summary/apply-draft';
export {
  approvalResponseSchema,
  commentResponseSchema,
  commentsResponseSchema,
  draftReportSchema,
  draftResponseSchema,
  summaryVersionIdSchema,
} from './summary/summary-api';
export type {
  ApprovalResponse,
  CommentResponse,
  CommentsResponse,
  DraftReport,
  DraftResponse,
} from './summary/summary-api';
export {
  entityIdSchema,
  MEMBERSHIP_TYPES,
  membershipTypeSchema,
  isCoreMembership,
  speaksForObserverCity,
  NETWORK_ROLES,
  networkRoleSchema,
  representsCity,
  MIN_REPRESENTATIVES,
  MAX_REPRESENTATIVES,
  emailSchema,
  staffInputSchema,
  createNetworkRequestSchema,
  updateNetworkRequestSchema,
  createdResponseSchema,
  networkInfoSchema,
  addMemberRequestSchema,
  updateMemberRequestSchema,
  memberCitySchema,
  addPersonRequestSchema,
  updatePersonRequestSchema,
  networkPersonSchema,
  personalLinkResponseSchema,
  localDateTimeSchema,
  createMeetingRequestSchema,
  PRACTICAL_MEETING_FIELDS,
  updateMeetingRequestSchema,
  meetingSchema,
  createMeetingResponseSchema,
  hostSuggestionSchema,
  networkDetailSchema,
  networkSummarySchema,
  networkListResponseSchema,
  INVITATION_ANSWERS,
  invitationAnswerSchema,
  answerInvitationRequestSchema,
  invitationSchema,
  invitationListResponseSchema,
  addInviteeRequestSchema,
  homeMeetingSchema,
  homeNetworkSchema,
  homeResponseSchema,
  NETWORK_ERROR_CODES,
} from './networks/network-api';
export type {
  MembershipType,
  NetworkRole,
  StaffInput,
  CreateNetworkRequest,
  UpdateNetworkRequest,
  CreatedResponse,
  NetworkInfo,
  AddMemberRequest,
  UpdateMemberRequest,
  MemberCity,
  AddPersonRequest,
  UpdatePersonRequest,
  NetworkPerson,
  PersonalLinkResponse,
  CreateMeetingRequest,
  UpdateMeetingRequest,
  MeetingField,
  Meeting,
  CreateMeetingResponse,
  HostSuggestion,
  NetworkDetail,
  NetworkSummary,
  NetworkListResponse,
  InvitationAnswer,
  AnswerInvitationRequest,
  Invitation,
  InvitationListResponse,
  HomeMeeting,
  HomeNetwork,
  HomeResponse,
  NetworkErrorCode,
} from './networks/network-api';
export {
  AGENDA_FORMATS,
  agendaFormatSchema,
  OWN_AGENDA_ITEMS,
  ownAgendaItemKindSchema,
  agendaItemSchema,
  agendaEntrySchema,
  agendaSchema,
  agendaMinutes,
  firstFormat,
  addLocalMinutes,
} from './networks/agenda';
export type { OwnAgendaItemKind, AgendaItemInput, AgendaEntry, Agenda } from './networks/agenda';
export { suggestHost } from './networks/host-rotation';
export type { HostCandidate, PastHost } from './networks/host-rotation';
export {
  NETWORK_ACTS,
  mayAct,
  refusedMeetingFields,
  mayAnswerFor,
  mayManageInvitations,
} from './networks/network-permissions';
export {
  ATTENDANCE_STATUSES,
  ATTENDED_VALUES,
  WALK_IN_KINDS,
  ATTENDANCE_ERROR_CODES,
  attendanceStatusSchema,
  attendedSchema,
  walkInKindSchema,
  attendanceEntryKeySchema,
  attendanceEntrySchema,
  attendanceListResponseSchema,
  markAttendanceRequestSchema,
  addWalkInRequestSchema,
  organiserGrantRequestSchema,
  organiserGrantResponseSchema,
  attendanceList,
  attendeesOf,
  isKept,
} from './networks/attendance-list';
export type {
  AttendanceStatus,
  Attended,
  WalkInKind,
  AttendanceEntryKey,
  AttendanceEntry,
  AttendanceListResponse,
  MarkAttendanceRequest,
  AddWalkInRequest,
  OrganiserGrantRequest,
  AttendanceListInput,
  ListedAttendee,
  AttendanceErrorCode,
} from './networks/attendance-list';
export type { NetworkActor, NetworkAct } from './networks/network-permissions';
export {
  CASE_FIELD_IDS,
  MAX_CONTINUITY_CASES,
  caseCardsOfUnits,
  caseFieldsSchema,
  continuityResponseSchema,
  noteUnits,
  unitLines,
  unitStepId,
  unitsInSection,
  unitsOfSteps,
} from './networks/continuity';
export type {
  CaseFieldId,
  CaseFieldLabels,
  CaseFields,
  ContinuityResponse,
  NoteUnit,
} from './networks/continuity';
export {
  homeJoinRequestSchema,
  HOME_NOTES_FORMATS,
  homeNotesFormatSchema,
  HOME_ERROR_CODES,
  homeSubstituteSchema,
  homeSubstitutesResponseSchema,
} from './networks/network-api';
export type { HomeJoinRequest, HomeSubstitute, HomeSubstitutesResponse } from './networks/network-api';
export {
  invitationResponseSchema,
  meetingResponseSchema,
  memberCityResponseSchema,
  networkPersonResponseSchema,
  networkResponseSchema,
} from './networks/network-api';
export type {
  InvitationResponse,
  MeetingResponse,
  MemberCityResponse,
  NetworkPersonResponse,
  NetworkResponse,
} from './networks/network-api';
export { forumConversionResponseSchema, forumPostDeletedResponseSchema } from './networks/forum-api';
export type { ForumConversionResponse, ForumPostDeletedResponse } from './networks/forum-api';
export { networkFileResponseSchema, networkFolderResponseSchema } from './networks/network-documents-api';
export type { NetworkFileResponse, NetworkFolderResponse } from './networks/network-documents-api';
export {
  NOTES_EXPORT_FORMATS,
  notesExportFormatSchema,
  archivedNoteSchema,
  archiveMeetingSchema,
  attendanceRowSchema,
  archiveResponseSchema,
  searchRequestSchema,
  SEARCH_SOURCES,
  searchSourceSchema,
  searchHitSchema,
  searchResponseSchema,
  officeOverviewRowSchema,
  officeOverviewResponseSchema,
  archiveViewOf,
  searchScopeOf,
  mayViewOfficeOverview,
  ATTENDANCE_MARKS,
  attendanceMarkSchema,
  attendanceMark,
  attendanceMatrix,
  citiesMissingTwice,
  averageRate,
  overviewRow,
  MAX_QUERY_LENGTH,
  MAX_QUERY_WORDS,
  MAX_WORD_LENGTH,
  searchQuerySchema,
  searchWords,
  ftsMatchExpression,
  searchSnippet,
  foldText,
  foldWithOffsets,
} from './networks/archive';
export type {
  NotesExportFormat,
  ArchivedNote,
  ArchiveMeeting,
  ArchiveResponse,
  SearchSource,
  SearchHit,
  SearchResponse,
  OfficeOverviewRow,
  OfficeOverviewResponse,
  ArchiveView,
  AttendanceMark,
  Presence,
  AttendanceMeetingInput,
  AttendanceCityInput,
  AttendanceRow,
  OverviewInput,
  SearchSnippet,
} from './networks/archive';
export {
  sendInvitationsRequestSchema,
  sendInvitationsResponseSchema,
  mailResultSchema,
  MAIL_OUTCOMES,
  MAIL_ERROR_CODES,
} from './mail/invitation-mail-api';
export type {
  SendInvitationsRequest,
  SendInvitationsResponse,
  MailResult,
  MailOutcome,
} from './mail/invitation-mail-api';
export {
  FORUM_THREAD_KINDS,
  forumThreadKindSchema,
  FORUM_TITLE_MAX,
  FORUM_BODY_MAX,
  FORUM_AGENDA_MINUTES_DEFAULT,
  FORUM_ERROR_CODES,
  createForumThreadRequestSchema,
  forumPostRequestSchema,
  forumHideRequestSchema,
  forumReadRequestSchema,
  forumAgendaRequestSchema,
  forumAuthorSchema,
  forumPostSchema,
  forumConversionSchema,
  forumThreadSummarySchema,
  forumViewerSchema,
  forumPlannedMeetingSchema,
  forumResponseSchema,
  forumThreadResponseSchema,
  forumCreatedResponseSchema,
  forumUnreadResponseSchema,
} from './networks/forum-api';
export type {
  ForumThreadKind,
  CreateForumThreadRequest,
  ForumPostRequest,
  ForumHideRequest,
  ForumReadRequest,
  ForumAgendaRequest,
  ForumAuthor,
  ForumPost,
  ForumConversion,
  ForumThreadSummary,
  ForumViewer,
  ForumPlannedMeeting,
  ForumResponse,
  ForumThreadResponse,
  ForumCreatedResponse,
  ForumUnreadResponse,
} from './networks/forum-api';
export { FORUM_ACTS, mayForum, mayChangePost, maySeePost } from './networks/forum-permissions';
export type { ForumAct } from './networks/forum-permissions';
// The facilitator's report after each meeting (issue #13 item 2): the form, its rules FR1–FR4, the deadline.
export {
  reportAttendeeSchema,
  reportAgendaItemSchema,
  reportPhotoSchema,
  meetingReportContentSchema,
  REPORT_STATUSES,
  reportStatusSchema,
  REPORT_DEADLINE_STATES,
  reportDeadlineStateSchema,
  REPORT_DUE_DAYS,
  reportDueBy,
  reportDeadlineState,
  actualMinutesByStep,
  prefillReport,
  agendaTotals,
  REPORT_ACTS,
  mayReport,
  saveReportRequestSchema,
  submitReportRequestSchema,
  returnReportRequestSchema,
  meetingReportResponseSchema,
  reportMeetingRefSchema,
  networkReportTallySchema,
  reportTally,
  REPORT_ERROR_CODES,
} from './networks/meeting-report';
export type {
  ReportAttendee,
  ReportAgendaItem,
  ReportPhoto,
  MeetingReportContent,
  ReportStatus,
  ReportDeadlineState,
  ReportPrefillInput,
  ReportAct,
  SaveReportRequest,
  SubmitReportRequest,
  ReturnReportRequest,
  MeetingReportResponse,
  NetworkReportTally,
  ReportErrorCode,
} from './networks/meeting-report';
export {
  mayPublishNetwork,
  mayViewPublication,
  publicPaths,
  publicationRequestSchema,
  publicationStateSchema,
} from './networks/publication-api';
export type { PublicationRequest, PublicationState } from './networks/publication-api';
export { forumTextSegments } from './networks/forum-text';
export type { ForumTextSegment } from './networks/forum-text';
export {
  PLAN_SECTIONS,
  planSectionIdSchema,
  PLAN_ACTION_STATUSES,
  planActionStatusSchema,
  isOpenStatus,
  PLAN_SECTION_MAX,
  PLAN_TITLE_MAX,
  PLAN_NOTES_MAX,
  PLAN_ERROR_CODES,
  planDateSchema,
  savePlanSectionRequestSchema,
  planSectionSchema,
  staleRevisionDetailsSchema,
  createPlanActionRequestSchema,
  updatePlanActionRequestSchema,
  reviewPlanActionRequestSchema,
  planStatusChangeSchema,
  planActionSchema,
  planViewerSchema,
  planResponseSchema,
  planReviewResponseSchema,
  planSectionSavedResponseSchema,
  planActionResponseSchema,
  planSeedResponseSchema,
} from './networks/plan-api';
export type {
  PlanSectionId,
  PlanActionStatus,
  SavePlanSectionRequest,
  PlanSection,
  StaleRevisionDetails,
  CreatePlanActionRequest,
  UpdatePlanActionRequest,
  ReviewPlanActionRequest,
  PlanMeetingRef,
  PlanStatusChange,
  PlanAction,
  PlanViewer,
  PlanResponse,
  PlanReviewResponse,
  PlanSectionSavedResponse,
  PlanActionResponse,
  PlanSeedResponse,
} from './networks/plan-api';
export { PLAN_ACTS, mayPlan, maySetActionStatus } from './networks/plan-permissions';
export {
  PLAN_DOC_SECTIONS,
  planSectionsMap,
  planSectionText,
  readPlanTexts,
  replaceSectionText,
} from './networks/plan-document';
export { textSplice } from './text/text-splice';
export type { TextSplice } from './text/text-splice';
export type { PlanAct, PlanActor } from './networks/plan-permissions';
export { PLAN_SEED_SOURCES, proposePlanSections } from './networks/plan-seed';
export type { PlanSeedSource, PlanSeedFinding } from './networks/plan-seed';
// A network's document space (issue #13 item 5): folders, files checked by their bytes, versions; rules DOC1–DOC5.
export {
  NETWORK_FILE_KINDS,
  networkFileKindSchema,
  NETWORK_FILE_MIME,
  NETWORK_FILE_EXTENSIONS,
  NETWORK_FILE_MAX_BYTES,
  NETWORK_DOCUMENTS_QUOTA_BYTES,
  NETWORK_FILE_NAME_MAX,
  NETWORK_FOLDER_NAME_MAX,
  NETWORK_DOCUMENTS_ERROR_CODES,
  networkFolderNameSchema,
  createNetworkFolderRequestSchema,
  updateNetworkFolderRequestSchema,
  updateNetworkFileRequestSchema,
  networkDocumentsPersonSchema,
  networkFolderSchema,
  networkFileVersionSchema,
  networkFileSchema,
  networkDocumentsViewerSchema,
  networkDocumentsResponseSchema,
  networkFileUploadedResponseSchema,
  NETWORK_FILE_NAME_HEADER,
} from './networks/network-documents-api';
export type {
  NetworkFileKind,
  CreateNetworkFolderRequest,
  UpdateNetworkFolderRequest,
  UpdateNetworkFileRequest,
  NetworkDocumentsPerson,
  NetworkFolder,
  NetworkFileVersion,
  NetworkFile,
  NetworkDocumentsViewer,
  NetworkDocumentsResponse,
  NetworkFileUploadedResponse,
} from './networks/network-documents-api';
export { cleanFileName, fileNameKey, attachmentDisposition } from './networks/network-file-name';
export type { CleanFileName } from './networks/network-file-name';
export {
  NETWORK_DOCUMENTS_ACTS,
  mayNetworkDocuments,
  maySeeNetworkFile,
  maySeeNetworkFolder,
} from './networks/network-documents-permissions';
export type { NetworkDocumentsAct, NetworkDocumentsActor } from './networks/network-documents-permissions';
// The expert's office hours (issue #13 item 4): series, slots, bookings, the Q&A log; rules OH1–OH5.
export {
  OFFICE_HOURS_ERROR_CODES,
  OFFICE_HOURS_QUESTION_MAX,
  OFFICE_HOURS_ANSWER_MAX,
  OFFICE_HOURS_PLACE_MAX,
  officeHoursLocationSchema,
  createOfficeHoursSeriesRequestSchema,
  officeHoursBookingRequestSchema,
  officeHoursAnswerRequestSchema,
  officeHoursPersonSchema,
  officeHoursBookingSchema,
  officeHoursSlotSchema,
  officeHoursViewerSchema,
  officeHoursResponseSchema,
  officeHoursSeriesCreatedSchema,
  officeHoursLogEntrySchema,
  officeHoursLogResponseSchema,
  OFFICE_HOURS_QUERY_MAX,
} from './networks/office-hours-api';
export type {
  OfficeHoursLocation,
  CreateOfficeHoursSeriesRequest,
  OfficeHoursSeries,
  OfficeHoursBookingRequest,
  OfficeHoursAnswerRequest,
  OfficeHoursPerson,
  OfficeHoursBooking,
  OfficeHoursSlot,
  OfficeHoursViewer,
  OfficeHoursResponse,
  OfficeHoursSeriesCreated,
  OfficeHoursLogEntry,
  OfficeHoursLogResponse,
} from './networks/office-hours-api';
export {
  OFFICE_HOURS_MAX_SLOTS,
  expandOfficeHoursSeries,
  warsawInstant,
  warsawDate,
} from './networks/office-hours-series';
export type { IsoWeekday, OfficeHoursSeriesRule, ExpandedSlot } from './networks/office-hours-series';
export { OFFICE_HOURS_ACTS, mayOfficeHours } from './networks/office-hours-permissions';
export type { OfficeHoursAct, OfficeHoursActor } from './networks/office-hours-permissions';
// Surveys of a network (issue #13 item 3): trust, expectations, evaluation; rules SV1–SV5.
export {
  SURVEY_KINDS,
  surveyKindSchema,
  SURVEY_STATUSES,
  surveyStatusSchema,
  SURVEY_QUESTION_TYPES,
  surveyQuestionTypeSchema,
  SURVEY_SCALE_MIN,
  SURVEY_SCALE_MAX,
  SURVEY_QUESTIONS_MAX,
  SURVEY_QUESTION_TEXT_MAX,
  SURVEY_OPEN_ANSWER_MAX,
  SURVEY_ANONYMOUS_RESULTS_MIN,
  SURVEY_ERROR_CODES,
  surveyQuestionSchema,
  surveyQuestionsSchema,
  createSurveyRequestSchema,
  updateSurveyRequestSchema,
  surveyAnswerValueSchema,
  submitSurveyAnswersRequestSchema,
  surveySchema,
  surveyViewerSchema,
  surveyWithViewerSchema,
  surveyListResponseSchema,
  scaleResultSchema,
  openResultSchema,
  questionResultSchema,
  surveyResultsSchema,
  boardTrustResultsResponseSchema,
  pendingSurveysResponseSchema,
  surveyCreatedResponseSchema,
} from './networks/survey-api';
export type {
  SurveyKind,
  SurveyStatus,
  SurveyQuestionType,
  SurveyQuestion,
  CreateSurveyRequest,
  UpdateSurveyRequest,
  SurveyAnswerValue,
  SubmitSurveyAnswersRequest,
  Survey,
  SurveyViewer,
  SurveyWithViewer,
  SurveyListResponse,
  ScaleResult,
  OpenResult,
  QuestionResult,
  SurveyResults,
  BoardTrustResultsResponse,
  PendingSurveysResponse,
  SurveyCreatedResponse,
} from './networks/survey-api';
export { SURVEY_TEMPLATES, surveyTemplate } from './networks/survey-templates';
export { checkSurveyAnswers } from './networks/survey-answers';
export type { AnswerCheck } from './networks/survey-answers';
export { tallySurvey, withHistory, roundMean, surveyResultsShown } from './networks/survey-results';
export type { EarlierSurvey } from './networks/survey-results';
export {
  mayManageSurveys,
  mayAnswerSurvey,
  maySeeSurveyResults,
  maySeeSurvey,
} from './networks/survey-permissions';
// Surveys on a meeting's board: the pair asks the room, shows results; rules SV6–SV7.
export {
  boardSurveyMarkSchema,
  boardSurveysStateSchema,
  NO_BOARD_SURVEYS,
  boardSurveysResponseSchema,
  askBoardSurveyRequestSchema,
  showBoardSurveyRequestSchema,
  BOARD_SURVEY_ERROR_CODES,
  mayManageBoardSurveys,
  maySeeBoardSurveys,
  mayReadBoardSurveyResults,
} from './networks/board-surveys';
export type {
  BoardSurveyMark,
  BoardSurveysState,
  BoardSurveysResponse,
  AskBoardSurveyRequest,
  ShowBoardSurveyRequest,
} from './networks/board-surveys';
