import { z } from 'zod';
import { entityIdSchema, networkRoleSchema } from './network-api';

/**
 * A network's document space (issue #13 item 5; docs/api.md, "Networks: documents"): folders and
 * files of the core members, some shared with the observer cities, every version kept. "Document"
 * here is a file people upload — not the Yjs documents of a board (server/src/storage/document-store.ts).
 */

/** What a file may be, checked by its bytes on the server (network-documents-bytes.ts). */
export const NETWORK_FILE_KINDS = ['pdf', 'docx', 'xlsx', 'png', 'jpeg', 'webp'] as const;
export const networkFileKindSchema = z.enum(NETWORK_FILE_KINDS);
export type NetworkFileKind = z.infer<typeof networkFileKindSchema>;

/** The media type each kind is served with, and the one a client sends it with. */
export const NETWORK_FILE_MIME: Record<NetworkFileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

/** The extensions a file name may end with, and the kind each promises. */
export const NETWORK_FILE_EXTENSIONS: Record<string, NetworkFileKind> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  webp: 'webp',
};

/**
 * One file's size: 50 MiB holds a scanned report of a hundred pages or a presentation exported as
 * PDF; larger files belong in a link to where they live.
 */
export const NETWORK_FILE_MAX_BYTES = 50 * 1024 * 1024;

/**
 * What one network may keep on the server's disk, every version and deleted file included: 2 GiB
 * is forty files at the largest size, or some thousand ordinary documents — two years of a
 * network's work — and keeps twenty networks within a small server's disk.
 */
export const NETWORK_DOCUMENTS_QUOTA_BYTES = 2 * 1024 * 1024 * 1024;

/** Names are shown, never used as paths (the disk holds files under random ids). */
export const NETWORK_FILE_NAME_MAX = 150;
export const NETWORK_FOLDER_NAME_MAX = 80;

export const NETWORK_DOCUMENTS_ERROR_CODES = {
  /** The file name's extension is none of NETWORK_FILE_EXTENSIONS ([DOC5]). */
  unsupportedType: 'unsupported_type',
  /** Its bytes, name and Content-Type do not say the same kind ([DOC5]). */
  typeMismatch: 'type_mismatch',
  /** Over NETWORK_FILE_MAX_BYTES ([DOC5]). */
  tooLarge: 'too_large',
  /** The network's NETWORK_DOCUMENTS_QUOTA_BYTES would be passed ([DOC5]). */
  quotaExceeded: 'quota_exceeded',
  /** A name that is empty once cleaned, or too long. */
  badName: 'bad_name',
  /** A folder of that name is already there. */
  folderExists: 'folder_exists',
  /** A file of that name is already in the folder it is renamed or moved to. */
  fileExists: 'file_exists',
  /** The file is deleted: it is not changed any more. */
  deleted: 'deleted',
} as const;

/** A folder's name as typed: one line, no path separators (it is a label, not a path). */
export const networkFolderNameSchema = z
  .string()
  .trim()
  .min(1, 'name is required')
  .max(NETWORK_FOLDER_NAME_MAX, `at most ${NETWORK_FOLDER_NAME_MAX} characters`)
  .refine((name) => !/[/\\\p{Cc}]/u.test(name), 'a folder name has no / \\ or control characters')
  .transform((name) => name.replace(/\s+/g, ' '));

export const createNetworkFolderRequestSchema = z.object({
  name: networkFolderNameSchema,
  sharedWithObservers: z.boolean().default(false),
});
export type CreateNetworkFolderRequest = z.input<typeof createNetworkFolderRequestSchema>;

export const updateNetworkFolderRequestSchema = z
  .object({ name: networkFolderNameSchema, sharedWithObservers: z.boolean() })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');
export type UpdateNetworkFolderRequest = z.input<typeof updateNetworkFolderRequestSchema>;

/** PATCH a file: share with observers, rename (same extension), move to a folder or the top (null). */
export const updateNetworkFileRequestSchema = z
  .object({
    sharedWithObservers: z.boolean(),
    name: z
      .string()
      .min(1)
      .max(NETWORK_FILE_NAME_MAX * 4),
    folderId: entityIdSchema.nullable(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');
export type UpdateNetworkFileRequest = z.input<typeof updateNetworkFileRequestSchema>;

/** Who uploaded or made something: their name and city now. */
export const networkDocumentsPersonSchema = z.object({
  /** null: the office (admin token), which has no name in a network. */
  personId: entityIdSchema.nullable(),
  name: z.string().nullable(),
  city: z.string().nullable(),
  role: networkRoleSchema.nullable(),
});
export type NetworkDocumentsPerson = z.infer<typeof networkDocumentsPersonSchema>;

export const networkFolderSchema = z.object({
  id: entityIdSchema,
  name: z.string(),
  sharedWithObservers: z.boolean(),
  createdAt: z.iso.datetime(),
  createdBy: networkDocumentsPersonSchema,
});
export type NetworkFolder = z.infer<typeof networkFolderSchema>;

export const networkFileVersionSchema = z.object({
  /** 1 for the first upload, then 2, 3, … */
  version: z.number().int().min(1),
  bytes: z.number().int().min(0),
  uploadedAt: z.iso.datetime(),
  uploadedBy: networkDocumentsPersonSchema,
});
export type NetworkFileVersion = z.infer<typeof networkFileVersionSchema>;

export const networkFileSchema = z.object({
  id: entityIdSchema,
  folderId: entityIdSchema.nullable(),
  name: z.string(),
  kind: networkFileKindSchema,
  /** The file's own flag; it is also visible to observers when its folder is shared. */
  sharedWithObservers: z.boolean(),
  /** Set once deleted ([DOC4]): served only to those who manage the space. */
  deletedAt: z.iso.datetime().nullable(),
  /** Newest first. */
  versions: z.array(networkFileVersionSchema).min(1),
});
export type NetworkFile = z.infer<typeof networkFileSchema>;

/** What the reader may do here: the client hides what the server would refuse. */
export const networkDocumentsViewerSchema = z.object({
  canUpload: z.boolean(),
  canManage: z.boolean(),
  /** Reads only what is shared with observers ([DOC3]). */
  observer: z.boolean(),
});
export type NetworkDocumentsViewer = z.infer<typeof networkDocumentsViewerSchema>;

/** GET /api/networks/:id/documents: the folders and files the reader may see. */
export const networkDocumentsResponseSchema = z.object({
  network: z.object({ id: entityIdSchema, name: z.string(), theme: z.string() }),
  viewer: networkDocumentsViewerSchema,
  folders: z.array(networkFolderSchema),
  files: z.array(networkFileSchema),
  /** Bytes kept for the network and its quota; only for those who upload. */
  usage: z.object({ bytes: z.number().int().min(0), quotaBytes: z.number().int().min(0) }).nullable(),
});
export type NetworkDocumentsResponse = z.infer<typeof networkDocumentsResponseSchema>;

export const networkFileUploadedResponseSchema = z.object({
  file: networkFileSchema,
  /** True when the upload added a version to a file of the same name. */
  newVersion: z.boolean(),
});
export type NetworkFileUploadedResponse = z.infer<typeof networkFileUploadedResponseSchema>;

/** The header the file's name travels in, percent-encoded (headers are Latin-1). */
export const NETWORK_FILE_NAME_HEADER = 'x-file-name';

/** A created or changed folder, and a changed file (renamed, moved), as the answer carries them. */
export const networkFolderResponseSchema = z.object({ folder: networkFolderSchema });
export type NetworkFolderResponse = z.infer<typeof networkFolderResponseSchema>;
export const networkFileResponseSchema = z.object({ file: networkFileSchema });
export type NetworkFileResponse = z.infer<typeof networkFileResponseSchema>;
