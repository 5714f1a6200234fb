import type { MessageKey } from '@empiria/shared';
import { ApiRequestError } from '../api/http';

/** What a facilitator reads when loading the forum failed. */
export function loadErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError) {
    if (error.isNetworkError) return 'common.error.network';
    if (error.status === 401) return 'forum.error.linkEnded';
    if (error.status === 403) return 'forum.error.forbidden';
    if (error.status === 404) return 'forum.error.notFound';
  }
  return 'common.error.generic';
}

/** What a person reads when a post, an edit, a moderation or an agenda item was refused. */
export function actErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError) {
    if (error.isNetworkError) return 'common.error.network';
    if (error.status === 401) return 'forum.error.linkEnded';
    if (error.status === 429) return 'forum.error.rateLimited';
    switch (error.code) {
      case 'invalid_body':
      case 'payload_too_large':
        return 'forum.error.invalid';
      case 'board_in_use':
        return 'forum.error.boardInUse';
      case 'already_on_agenda':
        return 'forum.error.alreadyOnAgenda';
      case 'meeting_held':
        return 'forum.error.meetingHeld';
      case 'thread_has_replies':
        return 'forum.error.hasReplies';
      case 'not_found':
        return 'forum.thread.notFound';
    }
  }
  return 'forum.error.save';
}
