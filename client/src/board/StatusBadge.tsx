import { ConnectionBadge } from '../ui/ConnectionBadge';
import { useConnectionStore } from '../session/connection-store';

/** The board's link: the canvas's state and how many of its changes wait to be sent. */
export function StatusBadge() {
  const status = useConnectionStore((state) => state.status);
  const pending = useConnectionStore((state) => state.pending);
  return <ConnectionBadge status={status} pending={pending} />;
}
