import type { Tool } from '@empiria/formats';
import type { ReactNode } from 'react';

/** Line icons for the step tools, drawn in the text colour; always shown beside their label. */
const PATHS: Record<Tool, ReactNode> = {
  notes: (
    <>
      <path d="M4 4h16v11l-5 5H4z" />
      <path d="M15 20v-5h5" />
    </>
  ),
  'private-writing': (
    <>
      <path d="M4 20l1-4L16 5l3 3L8 19z" />
      <path d="M14 7l3 3" />
    </>
  ),
  'dot-voting': (
    <>
      <circle cx="6" cy="12" r="2.5" fill="currentColor" />
      <circle cx="12" cy="12" r="2.5" fill="currentColor" />
      <circle cx="18" cy="12" r="2.5" fill="currentColor" />
    </>
  ),
  timer: (
    <>
      <circle cx="12" cy="13" r="8" />
      <path d="M12 9v4l3 2" />
      <path d="M9 2h6" />
    </>
  ),
  clustering: (
    <>
      <rect x="3" y="3" width="7" height="7" rx="1" />
      <rect x="14" y="3" width="7" height="7" rx="1" />
      <rect x="8.5" y="14" width="7" height="7" rx="1" />
    </>
  ),
  poll: (
    <>
      <path d="M5 20V11" />
      <path d="M12 20V4" />
      <path d="M19 20v-6" />
    </>
  ),
  consent: (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="M8 12.5l2.5 2.5L16 9.5" />
    </>
  ),
  connectors: (
    <>
      <path d="M4 18C8 18 8 6 14 6h5" />
      <path d="M16 3l3 3-3 3" />
    </>
  ),
  approval: (
    <>
      <path d="M5 4h11l3 3v13H5z" />
      <path d="M8.5 13l2.5 2.5 4.5-5" />
    </>
  ),
};

export function ToolIcon({ tool }: { tool: Tool }) {
  return (
    <svg
      className="tool-icon"
      viewBox="0 0 24 24"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {PATHS[tool]}
    </svg>
  );
}
