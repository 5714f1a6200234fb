import type { SummaryBlock, TextRun } from '@empiria/shared';
import type { MeetingNotes } from './meeting-notes';
import { markdownInline as inline } from './markdown-inline';
import { notesOutline, sectionLevel } from './notes-outline';

/** Plain text in a line of the outline (titles, the record's values): nothing in it is syntax. */
const escape = (text: string) => text.replace(/([\\`*_[\]#<>|~&])/g, '\\$1');

/**
 * A line of text that begins like a list item (`- `, `+ `, `1. `) or a setext underline would
 * turn a paragraph into a list or a heading; its first character is escaped.
 */
const literalLineStarts = (text: string) =>
  text.replace(/(^|\n)( {0,3})([-+=]|\d{1,9}(?=[.)]))/g, (_m, nl: string, sp: string, lead: string) =>
    /^\d/.test(lead) ? `${nl}${sp}${lead}\\` : `${nl}${sp}\\${lead}`,
  );

const paragraph = (runs: readonly TextRun[]) => literalLineStarts(inline(runs));

function blocks(list: readonly SummaryBlock[], indent = ''): string[] {
  const lines: string[] = [];
  for (const block of list) {
    if (block.type === 'heading') {
      lines.push(`${'#'.repeat(sectionLevel(block.level))} ${inline(block.runs)}`, '');
    } else if (block.type === 'paragraph') {
      lines.push(indent + paragraph(block.runs), '');
    } else {
      block.items.forEach((item, i) => {
        const marker = block.type === 'orderedList' ? `${i + 1}.` : '-';
        const [first, ...rest] = blocks(item, indent + '   ').filter((line) => line !== '');
        lines.push(`${indent}${marker} ${(first ?? '').trimStart()}`, ...rest);
      });
      lines.push('');
    }
  }
  return lines;
}

/** Meeting notes as Markdown: for the archive, a wiki, or an e-mail. */
export function meetingNotesToMarkdown(notes: MeetingNotes): string {
  const o = notesOutline(notes);
  const lines: string[] = [];
  if (o.draftBanner) lines.push(`> **${o.draftBanner}**`, '');
  lines.push(`# ${escape(o.title)}`, '');
  if (o.subtitle) lines.push(escape(o.subtitle), '');
  lines.push(`_${escape(o.intro)}_`, '');
  lines.push('| | |', '|---|---|', ...o.recordRows.map(([k, v]) => `| ${escape(k)} | ${escape(v)} |`), '');
  lines.push(`## ${escape(o.attendanceHeading)}`, '', ...o.attendance.map((a) => `- ${escape(a)}`), '');
  if (o.guests.length > 0) {
    lines.push(`## ${escape(o.guestsHeading)}`, '', ...o.guests.map((g) => `- ${escape(g)}`), '');
  }
  lines.push(...blocks(o.blocks));
  lines.push(
    `## ${escape(o.approvalHeading)}`,
    '',
    ...o.approvalRows.map(([k, v]) => `- **${escape(k)}:** ${escape(v)}`),
    '',
  );
  if (o.draftBanner) lines.push(`> **${o.draftBanner}**`, '');
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}
