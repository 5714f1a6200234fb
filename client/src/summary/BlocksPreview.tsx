import type { SummaryBlock, TextRun } from '@empiria/shared';

function Runs({ runs }: { runs: readonly TextRun[] }) {
  return (
    <>
      {runs.map((r, i) => {
        let node: React.ReactNode = r.text;
        if (r.marks.includes('bold')) node = <strong>{node}</strong>;
        if (r.marks.includes('italic')) node = <em>{node}</em>;
        if (r.marks.includes('strike')) node = <s>{node}</s>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

/** A few blocks of the note as read-only text (the board's newer draft of a section). */
export function BlocksPreview({ blocks }: { blocks: readonly SummaryBlock[] }) {
  return (
    <>
      {blocks.map((block, i) => {
        if (block.type === 'heading') {
          return (
            <p key={i} className="preview-heading">
              <Runs runs={block.runs} />
            </p>
          );
        }
        if (block.type === 'paragraph') {
          return (
            <p key={i}>
              <Runs runs={block.runs} />
            </p>
          );
        }
        const List = block.type === 'orderedList' ? 'ol' : 'ul';
        return (
          <List key={i}>
            {block.items.map((item, j) => (
              <li key={j}>
                <BlocksPreview blocks={item} />
              </li>
            ))}
          </List>
        );
      })}
    </>
  );
}
