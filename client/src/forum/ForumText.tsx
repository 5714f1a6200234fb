import { forumTextSegments } from '@empiria/shared';

/**
 * A post's text as typed: text nodes, and http(s) addresses as links that open in a new tab and
 * tell the other site nothing. No HTML is ever interpreted (forum-text.ts decides what is a link).
 */
export function ForumText({ text }: { text: string }) {
  return (
    <div className="forum-text">
      {forumTextSegments(text).map((segment, index) =>
        segment.kind === 'link' ? (
          <a key={index} href={segment.href} target="_blank" rel="noopener noreferrer nofollow">
            {segment.text}
          </a>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </div>
  );
}
