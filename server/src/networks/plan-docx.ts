import {
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
import { translate, type Language, type PlanAction, type PlanResponse } from '@empiria/shared';

/**
 * The work plan as a Word document (issue #13 item 1): the nine sections in the vademecum's
 * order, then the actions as a table (owner city, deadline, status, where decided and reviewed).
 * A section's text keeps its line breaks: the plan is plain text.
 */
export async function planDocx(plan: PlanResponse, language: Language = 'pl'): Promise<Buffer> {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
    translate(language, key, params);
  const lines = (text: string) =>
    text.split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }));

  const sections = plan.sections.flatMap((section) => [
    new Paragraph({ heading: HeadingLevel.HEADING_2, text: t(`plan.section.${section.id}`) }),
    ...(section.text.trim()
      ? lines(section.text)
      : [new Paragraph({ children: [new TextRun({ text: t('plan.section.empty'), italics: true })] })]),
  ]);

  const cell = (text: string, bold = false) =>
    new TableCell({
      children: text
        .split('\n')
        .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })),
    });
  const meetingOf = (action: PlanAction) =>
    [
      action.decidedAt ? `${action.decidedAt.title} (${action.decidedAt.startsAt.slice(0, 10)})` : '',
      ...action.reviewedAt.map((m) => `${m.title} (${m.startsAt.slice(0, 10)})`),
    ]
      .filter(Boolean)
      .join('; ');
  const actions =
    plan.actions.length === 0
      ? [new Paragraph({ children: [new TextRun({ text: t('plan.actions.none'), italics: true })] })]
      : [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                tableHeader: true,
                children: [
                  cell(t('plan.actions.title'), true),
                  cell(t('plan.actions.owner'), true),
                  cell(t('plan.actions.deadline'), true),
                  cell(t('plan.actions.status'), true),
                  cell(t('plan.actions.decidedAt'), true),
                ],
              }),
              ...plan.actions.map(
                (action) =>
                  new TableRow({
                    children: [
                      cell(action.notes ? `${action.title}\n${action.notes}` : action.title),
                      cell(action.ownerCity),
                      cell(action.deadline ?? t('plan.actions.noDeadline')),
                      cell(t(`plan.status.${action.status}`)),
                      cell(meetingOf(action)),
                    ],
                  }),
              ),
            ],
          }),
        ];

  const doc = new Document({
    creator: 'Empiria',
    title: `${t('plan.eyebrow')}: ${plan.network.name}`,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: plan.network.name }),
          new Paragraph({
            children: [new TextRun({ text: `${t('plan.eyebrow')} · ${plan.network.theme}` })],
          }),
          ...sections,
          new Paragraph({ heading: HeadingLevel.HEADING_2, text: t('plan.actions.heading') }),
          ...actions,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
