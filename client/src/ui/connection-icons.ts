import type { ConnectionStatus } from '../sync/connection-status';
import type { IconName } from './icons';

/**
 * Each connection state its own shape, so a badge reads without its colour (and without its word,
 * where that is hidden): the top bar's badge and the room display's.
 */
export const STATUS_ICONS: Record<ConnectionStatus, IconName> = {
  connected: 'cloud-check',
  connecting: 'sync',
  reconnecting: 'sync',
  offline: 'cloud-off',
};
