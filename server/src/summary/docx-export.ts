import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun as DocxTextRun,
  WidthType,
} from 'docx';
import type { SummaryBlock, TextRun } from '@empiria/shared';
import type { MeetingNotes } from './meeting-notes';
import { notesOutline, sectionLevel } from './notes-outline';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
];

function runs(list: readonly TextRun[]): DocxTextRun[] {
  return list.flatMap((r) =>
    r.text.split('\n').map(
      (line, i) =>
        new DocxTextRun({
          text: line,
          break: i > 0 ? 1 : undefined,
          bold: r.marks.includes('bold'),
          italics: r.marks.includes('italic'),
          strike: r.marks.includes('strike'),
        }),
    ),
  );
}

function blocks(list: readonly SummaryBlock[], level = 0): Paragraph[] {
  return list.flatMap((block) => {
    if (block.type === 'heading') {
      return [
        new Paragraph({ heading: HEADINGS[sectionLevel(block.level) - 2], children: runs(block.runs) }),
      ];
    }
    if (block.type === 'paragraph') return [new Paragraph({ children: runs(block.runs) })];
    return block.items.flatMap((item) => {
      const [first, ...rest] = item;
      const lead =
        first && (first.type === 'paragraph' || first.type === 'heading')
          ? [
              new Paragraph({
                children: runs(first.runs),
                numbering: { reference: block.type === 'orderedList' ? 'numbered' : 'bullets', level },
              }),
            ]
          : blocks(first ? [first] : [], level + 1);
      return [...lead, ...blocks(rest, level + 1)];
    });
  });
}

function table(rows: [string, string][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: 34, type: WidthType.PERCENTAGE },
              shading: { fill: 'F2F2F2' },
              borders: { top: border, bottom: border, left: border, right: border },
              children: [new Paragraph({ children: [new DocxTextRun({ text: label, bold: true })] })],
            }),
            new TableCell({
              borders: { top: border, bottom: border, left: border, right: border },
              children: [new Paragraph(value)],
            }),
          ],
        }),
    ),
  });
}

/** Meeting notes as a Word document: city halls file minutes in Word. */
export async function meetingNotesToDocx(notes: MeetingNotes): Promise<Buffer> {
  const o = notesOutline(notes);
  const banner = o.draftBanner
    ? [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new DocxTextRun({ text: o.draftBanner, bold: true, color: 'B00020' })],
        }),
      ]
    : [];
  const doc = new Document({
    creator: 'Empiria',
    title: o.title,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [0, 1, 2].map((level) => ({
            level,
            format: LevelFormat.BULLET,
            text: '•',
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
        {
          reference: 'numbered',
          levels: [0, 1, 2].map((level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        // A draft says so on every page: in the header and the footer.
        headers: { default: new Header({ children: banner }) },
        footers: { default: new Footer({ children: banner }) },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new DocxTextRun(o.title)] }),
          ...(o.subtitle ? [new Paragraph(o.subtitle)] : []),
          new Paragraph({ children: [new DocxTextRun({ text: o.intro, italics: true })] }),
          table(o.recordRows),
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            children: [new DocxTextRun(o.attendanceHeading)],
          }),
          ...o.attendance.map(
            (a) => new Paragraph({ text: a, numbering: { reference: 'bullets', level: 0 } }),
          ),
          ...(o.guests.length > 0
            ? [
                new Paragraph({
                  heading: HeadingLevel.HEADING_1,
                  children: [new DocxTextRun(o.guestsHeading)],
                }),
                ...o.guests.map(
                  (g) => new Paragraph({ text: g, numbering: { reference: 'bullets', level: 0 } }),
                ),
              ]
            : []),
          ...blocks(o.blocks),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new DocxTextRun(o.approvalHeading)] }),
          table(o.approvalRows),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
