export { ROLES, LEAD_ROLES, roleSchema, isLeadRole } from './roles';
export type { Role } from './roles';
export {
  DOC_KINDS,
  docKindSchema,
  BOARD_ID_PATTERN,
  boardIdSchema,
  roomPath,
  roomKey,
  parseRoomPath,
} from './rooms';
export type { DocKind, BoardId, RoomAddress } from './rooms';
export { canWriteDoc, canSendAwareness, canManageBoard } from './permissions';
export { identitySchema, personNameSchema, cityNameSchema, CITY_PALETTE, cityColor } from './identity';
export type { Identity } from './identity';
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
  joinResponseSchema,
  revokeInviteResponseSchema,
  clientConfigSchema,
  healthResponseSchema,
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
  JoinResponse,
  RevokeInviteResponse,
  ClientConfig,
  HealthResponse,
} from './api';
export { LANGUAGES, DEFAULT_LANGUAGE, languageSchema, formatMessage } from './i18n/translate';
export type { Language, Message, MessageParams, PluralMessage } from './i18n/translate';
export { translate, DICTIONARIES } from './i18n/index';
export type { MessageKey } from './i18n/index';
export {
  CONTROL_MAP,
  CONTROL_KEYS,
  controlFormatSchema,
  controlStepSchema,
  controlMap,
  readControlState,
  writeFormat,
  writeStep,
} from './control/control-state';
export type { ControlFormat, ControlStep, ControlState } from './control/control-state';
export { CANVAS_RECORDS_ARRAY, CANVAS_META_MAP, CANVAS_SCHEMA_KEY } from './canvas/canvas-document';
