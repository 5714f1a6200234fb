import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  attachmentDisposition,
  createNetworkFolderRequestSchema,
  entityIdSchema,
  NETWORK_FILE_MIME,
  NETWORK_FILE_NAME_HEADER,
  NETWORK_DOCUMENTS_ERROR_CODES,
  updateNetworkFileRequestSchema,
  updateNetworkFolderRequestSchema,
  type NetworkActor,
  type NetworkFileResponse,
  type NetworkFolderResponse,
} from '@empiria/shared';
import { UploadStalled } from '../../networks/network-documents-file-store';
import type { NetworkDocumentsService } from '../../networks/network-documents-service';
import type { ApiContext } from '../api-context';
import { forbidden, HttpError, notFound, requestTimeout, sendJson } from '../http-error';
import { readJsonBody } from '../json-body';
import { TokenRefused, type Handler, type Route } from './route';

/** An upload whose bytes stopped coming is the request's timeout ([H2]), like any body's. */
function stalledAsTimeout(handler: Handler): Handler {
  return async (req, res, params) => {
    try {
      await handler(req, res, params);
    } catch (error) {
      if (error instanceof UploadStalled) throw requestTimeout();
      throw error;
    }
  };
}

function idParam(raw: string | undefined, what: string): string {
  const parsed = entityIdSchema.safeParse(raw);
  if (!parsed.success) throw notFound(`No such ${what}.`);
  return parsed.data;
}

/** `?version=n`: a positive whole number, or the latest when absent. */
function versionParam(req: IncomingMessage): number | null {
  const raw = new URL(req.url ?? '', 'http://x').searchParams.get('version');
  if (raw === null) return null;
  if (!/^[1-9][0-9]{0,5}$/.test(raw)) throw new HttpError(400, 'bad_request', 'version is a number from 1.');
  return Number(raw);
}

/** The upload's name: percent-encoded UTF-8 in X-File-Name (headers are Latin-1), or `?name=`. */
function uploadName(req: IncomingMessage): string {
  const header = req.headers[NETWORK_FILE_NAME_HEADER];
  const raw =
    (typeof header === 'string' ? header : null) ??
    new URL(req.url ?? '', 'http://x').searchParams.get('name');
  if (raw === null || raw === '') {
    throw new HttpError(
      400,
      NETWORK_DOCUMENTS_ERROR_CODES.badName,
      `Name the file in the ${NETWORK_FILE_NAME_HEADER} header.`,
    );
  }
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new HttpError(
      400,
      NETWORK_DOCUMENTS_ERROR_CODES.badName,
      'The file name is not percent-encoded UTF-8.',
    );
  }
}

function declaredLength(req: IncomingMessage): number | null {
  const raw = req.headers['content-length'];
  return raw !== undefined && /^[0-9]+$/.test(raw) ? Number(raw) : null;
}

function noContent(res: ServerResponse): void {
  res.writeHead(204, { 'cache-control': 'no-store' });
  res.end();
}

const NETWORK = String.raw`\/api\/networks\/([^/]+)\/documents`;
const path = (tail: string) => new RegExp(`^${NETWORK}${tail}$`);

/**
 * A network's document space (docs/api.md, "Networks: documents"; rules DOC1–DOC5). Opened with a
 * personal link of the network or the office's admin token. Every change counts against the act
 * limit per token, as the networks' other routes (rate-limits.ts matches `/api/networks/…`).
 */
export function createNetworkDocumentsRoutes(ctx: ApiContext, documents: NetworkDocumentsService): Route[] {
  const actorOf = async (req: IncomingMessage): Promise<NetworkActor> => {
    const access = await ctx.guards.authenticate(req);
    if (access.kind === 'admin') return { kind: 'office' };
    if (access.kind === 'personal') {
      const actor = await ctx.networks.networks.actorOf(access.claims.w, access.claims.u);
      // The person left the network between the link's check and now.
      if (!actor) throw new TokenRefused('revoked');
      return actor;
    }
    throw forbidden('The documents open with a personal link or the administrator token, not a board link.');
  };

  const route = (method: string, pattern: RegExp, handler: Handler): Route => ({
    method,
    pattern,
    handler: stalledAsTimeout(handler),
  });

  return [
    route('GET', path(''), async (req, res, [rawId]) => {
      sendJson(res, 200, await documents.list(await actorOf(req), idParam(rawId, 'network')));
    }),
    route('POST', path(''), async (req, res, [rawId]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await actorOf(req);
      const body = await readJsonBody(req, createNetworkFolderRequestSchema);
      const folder = await documents.createFolder(actor, networkId, body);
      ctx.log.info('network folder created', { network: networkId, folder: folder.id });
      sendJson(res, 201, { folder } satisfies NetworkFolderResponse);
    }),
    route('PATCH', path(String.raw`\/folders\/([^/]+)`), async (req, res, [rawId, rawFolder]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await actorOf(req);
      const folderId = idParam(rawFolder, 'folder');
      const patch = await readJsonBody(req, updateNetworkFolderRequestSchema);
      sendJson(res, 200, {
        folder: await documents.updateFolder(actor, networkId, folderId, patch),
      } satisfies NetworkFolderResponse);
    }),
    route('POST', path(String.raw`\/files`), async (req, res, [rawId]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await actorOf(req);
      const rawFolder = new URL(req.url ?? '', 'http://x').searchParams.get('folderId');
      const uploaded = await documents.upload(
        actor,
        networkId,
        {
          name: uploadName(req),
          contentType: req.headers['content-type'] ?? '',
          folderId: rawFolder === null || rawFolder === '' ? null : idParam(rawFolder, 'folder'),
          declaredBytes: declaredLength(req),
        },
        req,
      );
      const latest = uploaded.file.versions[0];
      ctx.log.info('network file uploaded', {
        network: networkId,
        file: uploaded.file.id,
        kind: uploaded.file.kind,
        version: latest?.version,
        bytes: latest?.bytes,
      });
      sendJson(res, 201, uploaded);
    }),
    route('GET', path(String.raw`\/files\/([^/]+)`), async (req, res, [rawId, rawFile]) => {
      const networkId = idParam(rawId, 'network');
      const download = await documents.download(
        await actorOf(req),
        networkId,
        idParam(rawFile, 'file'),
        versionParam(req),
      );
      res.writeHead(200, {
        'content-type': NETWORK_FILE_MIME[download.kind],
        'content-length': download.bytes,
        // Always saved, never shown in our origin: a file is the uploader's, not our page.
        'content-disposition': attachmentDisposition(download.name),
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
        'cache-control': 'private, no-store',
        'x-file-version': String(download.version),
      });
      download.stream.on('error', (error) => {
        ctx.log.error('network file unreadable', { network: networkId, error: String(error) });
        res.destroy(error);
      });
      download.stream.pipe(res);
    }),
    route('PATCH', path(String.raw`\/files\/([^/]+)`), async (req, res, [rawId, rawFile]) => {
      const networkId = idParam(rawId, 'network');
      const actor = await actorOf(req);
      const fileId = idParam(rawFile, 'file');
      const patch = await readJsonBody(req, updateNetworkFileRequestSchema);
      const file = await documents.updateFile(actor, networkId, fileId, patch);
      ctx.log.info('network file changed', { network: networkId, file: fileId, fields: Object.keys(patch) });
      sendJson(res, 200, { file } satisfies NetworkFileResponse);
    }),
    route('DELETE', path(String.raw`\/files\/([^/]+)`), async (req, res, [rawId, rawFile]) => {
      const networkId = idParam(rawId, 'network');
      const fileId = idParam(rawFile, 'file');
      await documents.deleteFile(await actorOf(req), networkId, fileId);
      ctx.log.info('network file deleted', { network: networkId, file: fileId });
      noContent(res);
    }),
  ];
}
