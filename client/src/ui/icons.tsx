/**
 * The app's line icons (24×24, stroke in the text colour), one set for every screen: facilitation
 * tools, the hybrid meeting's, and the rest.
 */
const PATHS = {
  timer: 'M12 8v5l3 2M9 2h6M12 22a8 8 0 1 0 0-16 8 8 0 0 0 0 16z',
  bell: 'M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.9 1.9 0 0 0 3.4 0',
  'bell-off':
    'M13.7 21a1.9 1.9 0 0 1-3.4 0M18.6 13A17 17 0 0 1 18 8M6.3 6.3A5.8 5.8 0 0 0 6 8c0 7-3 9-3 9h14M18 8a6 6 0 0 0-9.3-5M2 2l20 20',
  hand: 'M18 11V6a2 2 0 0 0-4 0v5M14 10V4a2 2 0 0 0-4 0v6M10 10.5V6a2 2 0 0 0-4 0v8M18 8a2 2 0 0 1 4 0v6a8 8 0 0 1-8 8h-2c-2.8 0-4.5-.9-6-2.4l-3.6-3.6a2 2 0 0 1 2.8-2.8L7 15',
  lock: 'M5 11h14v10H5zM8 11V7a4 4 0 0 1 8 0v4',
  eye: 'M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12zM12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
  'eye-off': 'M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12zM12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM4 4l16 16',
  summon: 'M12 3v4M12 17v4M3 12h4M17 12h4M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
  follow: 'M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12zM12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
  pen: 'M12 20h9M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z',
  dot: 'M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
  close: 'M18 6L6 18M6 6l12 12',
  console: 'M4 4h16v16H4zM15 4v16',
  back: 'M9 14L4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11',
  cluster: 'M3 3h18v18H3zM7 7h4v4H7zM13 13h4v4h-4z',
  ungroup: 'M3 3h8v8H3zM13 13h8v8h-8z',
  /** A room: people in front of a board. */
  room: 'M3 4h18v10H3zM8 20a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM16 20a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM12 14v2',
  online: 'M4 5h16v11H4zM9 20h6M12 16v4',
  keyboard: 'M2 6h20v12H2zM6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10',
  camera: 'M3 8h4l2-3h6l2 3h4v11H3zM12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
  printer: 'M6 9V3h12v6M6 18H4v-7h16v7h-2M7 14h10v7H7z',
  expand: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
  check: 'M4 12l5 5L20 6',
  alert: 'M12 3l10 18H2zM12 10v5M12 18h.01',
  /** A survey: a clipboard with a tick. */
  survey: 'M9 3h6v3H9zM8 4.5H5V21h14V4.5h-3M9 13l2 2 4-4',
  /** Carry onto the next sheet: an arrow into a sheet's edge. */
  carry: 'M3 12h12M11 7l5 5-5 5M20 4v16',
  /** Who is here: two people. */
  people:
    'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21v-1a6 6 0 0 1 6-6h2a6 6 0 0 1 6 6v1M16 3.3a4 4 0 0 1 0 7.4M19 14.4a6 6 0 0 1 3 5.6v1',
  /** The link to the board, by its state: in sync (a cloud with a tick), trying (turning arrows), cut (a struck cloud). */
  'cloud-check': 'M7 19a5 5 0 0 1-.9-9.9 6 6 0 0 1 11.7 1A4.5 4.5 0 0 1 17.5 19zM9.5 14l2 2 3.5-3.5',
  sync: 'M20 11a8 8 0 0 0-14.4-4.4L4 8.5M4 3.5v5h5M4 13a8 8 0 0 0 14.4 4.4l1.6-1.9M20 20.5v-5h-5',
  'cloud-off': 'M7 19a5 5 0 0 1-.9-9.9 6 6 0 0 1 11.7 1A4.5 4.5 0 0 1 17.5 19zM3 3l18 18',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = '1.15em' }: { name: IconName; size?: string }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
