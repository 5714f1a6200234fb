import {
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import {
  agendaTotals,
  translate,
  type Language,
  type MeetingReportResponse,
  type MessageKey,
} from '@empiria/shared';
import { exportDateTime } from '../summary/export-time';

const border = { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, options: { bold?: boolean; shaded?: boolean } = {}): TableCell {
  return new TableCell({
    borders,
    ...(options.shaded ? { shading: { fill: 'F2F2F2' } } : {}),
    children: [new Paragraph({ children: [new TextRun({ text, bold: options.bold ?? false })] })],
  });
}

function table(rows: string[][], header = true): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (row, index) =>
        new TableRow({
          children: row.map((text, column) =>
            cell(text, {
              bold: header ? index === 0 : column === 0,
              shaded: header ? index === 0 : column === 0,
            }),
          ),
        }),
    ),
  });
}

/** A free-text part of the form: one paragraph per line, as the pair typed it. */
function lines(text: string): Paragraph[] {
  const kept = text.split('\n').filter((line) => line.trim() !== '');
  return kept.length > 0 ? kept.map((line) => new Paragraph(line)) : [new Paragraph('—')];
}

/**
 * The facilitator's report as a Word document (the office files reports in Word, as city halls
 * file minutes): the meeting's facts, then the form's parts in the page's order, with its labels
 * from the report's messages so the file and the page say the same thing.
 */
export async function meetingReportToDocx(
  report: MeetingReportResponse,
  language: Language,
): Promise<Buffer> {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
  const heading = (key: MessageKey) =>
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t(key))] });
  const c = report.content;
  const totals = agendaTotals(c.agenda);
  const minutes = (value: number | null) => (value === null ? t('report.agenda.notMeasured') : String(value));
  const statusLine =
    report.status === 'submitted' && report.submittedAt
      ? t('report.deadline.submitted', {
          date: exportDateTime(Date.parse(report.submittedAt)),
          name: report.submittedBy ?? '',
        })
      : t(`report.status.${report.status}`);

  const doc = new Document({
    creator: 'Empiria',
    title: `${t('report.docx.title')}: ${report.meeting.title}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(t('report.docx.title'))] }),
          table(
            [
              [t('report.docx.network'), report.meeting.network],
              [t('report.docx.meeting'), report.meeting.title],
              [t('report.docx.date'), report.meeting.startsAt.replace('T', ' ')],
              [t('report.docx.status'), statusLine],
              ...(report.updatedAt
                ? [
                    [
                      t('report.docx.updated'),
                      `${exportDateTime(Date.parse(report.updatedAt))}, ${report.updatedBy ?? ''}`,
                    ],
                  ]
                : []),
            ],
            false,
          ),
          heading('report.section.planned'),
          ...lines(c.planned),
          heading('report.section.happened'),
          ...lines(c.happened),
          heading('report.section.attendance'),
          new Paragraph(t('report.attendance.count', { count: c.attendance.length })),
          ...(c.attendance.length > 0
            ? [
                table([
                  [t('report.attendance.name'), t('report.attendance.city'), t('report.attendance.where')],
                  ...c.attendance.map((a) => [a.name, a.city ?? '—', t(`report.where.${a.where}`)]),
                ]),
              ]
            : []),
          heading('report.section.agenda'),
          table([
            [
              t('report.agenda.item'),
              t('report.agenda.planned'),
              t('report.agenda.actual'),
              t('report.agenda.comment'),
            ],
            ...c.agenda.map((item) => [
              item.title[language],
              String(item.plannedMinutes),
              minutes(item.actualMinutes),
              item.comment,
            ]),
            [t('report.agenda.total'), String(totals.planned), minutes(totals.actual), ''],
          ]),
          heading('report.section.results'),
          ...lines(c.results),
          heading('report.section.difficulties'),
          ...lines(c.difficulties),
          heading('report.section.nextSteps'),
          ...lines(c.nextSteps),
          heading('report.section.photos'),
          ...(c.photos.length === 0
            ? [new Paragraph(t('report.photos.none'))]
            : c.photos.map(
                (photo) =>
                  new Paragraph(
                    t('report.docx.photoLine', {
                      id: photo.id,
                      author: photo.author,
                      time: exportDateTime(Date.parse(photo.takenAt)),
                    }),
                  ),
              )),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
