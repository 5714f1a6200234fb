/**
 * `pnpm bench --stream 500,2000,5000`: what bringing the observers' stream up to date costs, by
 * how many records the board holds (issue #16). While observers follow a board the server does it
 * at most every 100 ms while the board changes (server/src/stream/stream-document-rules.ts).
 *
 * In process, no server: a Format 2 board of N sticky notes spread over its sheets, the stream's
 * rules over a registry that holds only the canvas and the control document, and `--rounds`
 * refreshes, each after one note changed (a person typing). The timed span is one refresh: the
 * projection of the whole canvas onto the open steps and the write of what differs into the
 * stream's document. The first `--warmup` refreshes are not counted (the stream's first write,
 * the JIT).
 *
 *   pnpm bench --stream 500,2000,5000 [--rounds 50] [--warmup 5]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { format2, layoutFormat } from '@empiria/formats';
import { CANVAS_RECORDS_ARRAY, type BoardInfo } from '@empiria/shared';
import { createMemoryLogger } from '../../server/src/log';
import { StreamDocumentRules } from '../../server/src/stream/stream-document-rules';
import type { RoomRegistry } from '../../server/src/sync/room-registry';
import { canvasRecords, noteRecord } from '../support/canvas-records';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

async function measure(
  notes: number,
  rounds: number,
  warmup: number,
): Promise<{ p50: number; p90: number; mean: number }> {
  const canvas = new Y.Doc();
  const control = new Y.Doc();
  const board: Pick<BoardInfo, 'format' | 'formatVersion' | 'agenda'> = {
    format: 'format-2',
    formatVersion: format2.version,
  };
  // Notes on every sheet of Format 2's layout: the open ones stream, the closed ones do not.
  const sheets = layoutFormat(format2).sheets;
  const at = (i: number) => {
    const sheet = sheets[i % sheets.length]!;
    return { x: sheet.x + 300 + (i % 17) * 30, y: sheet.y + 600 + (i % 23) * 20 };
  };
  canvas.transact(() => {
    canvasRecords(canvas).set('page:page', {
      id: 'page:page',
      typeName: 'page',
      name: 'Tablica',
      index: 'a1',
      meta: {},
    });
    for (let i = 0; i < notes; i++)
      canvasRecords(canvas).set(
        `shape:n${i}`,
        noteRecord(`shape:n${i}`, {
          text: `Notatka ${i}: coś, co grupa zapisała`,
          ...at(i),
          meta: { empiria: { author: { id: 'p1', name: 'Ala', city: 'Lublin' } } },
        }),
      );
  });
  // Only what the stream's rules ask of the registry: the two source documents, held.
  const rooms = {
    room: (address: { doc: string }) => ({
      doc: address.doc === 'canvas' ? canvas : control,
      loaded: Promise.resolve(),
    }),
    hold: () => () => undefined,
  } as unknown as RoomRegistry;
  const rules = new StreamDocumentRules({
    address: { boardId: 'bench', doc: 'stream-canvas' },
    rooms,
    boardOf: () => Promise.resolve(board as unknown as BoardInfo),
    log: createMemoryLogger(),
  });
  const stream = new Y.Doc();
  await rules.prepare();
  {
    const times: number[] = [];
    for (let round = 0; round < warmup + rounds; round++) {
      const i = round % notes;
      canvasRecords(canvas).set(
        `shape:n${i}`,
        noteRecord(`shape:n${i}`, { text: `Zmiana ${round}`, ...at(i) }),
      );
      const start = performance.now();
      rules.repair(stream);
      if (round >= warmup) times.push(performance.now() - start);
    }
    rules.dispose();
    if (stream.getArray(CANVAS_RECORDS_ARRAY).length === 0) throw new Error('the stream streamed nothing');
    times.sort((a, b) => a - b);
    return {
      p50: percentile(times, 50),
      p90: percentile(times, 90),
      mean: times.reduce((a, b) => a + b, 0) / times.length,
    };
  }
}

export async function streamRefreshBench(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv.filter((a) => a !== '--stream'),
    options: { rounds: { type: 'string', default: '50' }, warmup: { type: 'string', default: '5' } },
    allowPositionals: true,
  });
  const sizes = (positionals[0] ?? '500,2000,5000').split(',').map(Number);
  console.log(
    `stream refresh bench; load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log('| notes | p50 ms | p90 ms | mean ms |\n|---:|---:|---:|---:|');
  for (const notes of sizes) {
    const row = await measure(notes, Number(values.rounds), Number(values.warmup));
    console.log(`| ${notes} | ${row.p50.toFixed(2)} | ${row.p90.toFixed(2)} | ${row.mean.toFixed(2)} |`);
  }
}
