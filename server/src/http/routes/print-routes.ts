import { printPaperSchema } from '@empiria/shared';
import { layoutFormat } from '@empiria/formats';
import { printPage } from '../../print/print-page';
import type { ApiContext } from '../api-context';
import { forbidden, HttpError } from '../http-error';
import type { Route } from './route';
import { formatOfBoard } from '../../boards/board-format';

/** The mirrored flipchart: the board's sheets to print, at flipchart size or scaled for tables. */
export function createPrintRoutes(ctx: ApiContext): Route[] {
  const { guards } = ctx;
  return [
    {
      method: 'GET',
      pattern: /^\/api\/boards\/([^/]+)\/print$/,
      handler: async (req, res, [rawId]) => {
        const boardId = guards.boardId(rawId);
        const { access, board } = await guards.requireBoardAccess(req, boardId);
        const role = access.kind === 'admin' ? null : access.claims.r;
        if (
          access.kind === 'invite' ||
          (role !== null && !['facilitator', 'expert', 'organiser'].includes(role))
        ) {
          throw forbidden('The facilitator, the expert or the organiser prints the sheets.');
        }
        const paper = printPaperSchema.safeParse(
          new URL(req.url ?? '', 'http://x').searchParams.get('paper') ?? 'flipchart',
        );
        if (!paper.success) throw new HttpError(400, 'bad_request', 'paper must be flipchart, a3 or a4.');
        const format = formatOfBoard(board);
        if (format.steps.length === 0) {
          throw new HttpError(409, 'no_sheets', 'This board has no format sheets to print.');
        }
        const html = await printPage({
          layout: layoutFormat(format),
          language: board.language,
          paper: paper.data,
          boardTitle: board.title,
          joinUrl: (await ctx.boards.invitesOf(boardId)).participant,
        });
        const body = Buffer.from(html, 'utf8');
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-length': body.byteLength,
          'cache-control': 'no-store',
        });
        res.end(body);
      },
    },
  ];
}
