import type { MessageKey } from '@empiria/shared';
import { ApiRequestError } from '../api/http';

/** What a reader sees when the plan did not load. */
export function planLoadErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError) {
    if (error.isNetworkError) return 'common.error.network';
    if (error.status === 403) return 'plan.error.forbidden';
    if (error.status === 404) return 'plan.error.not_found';
  }
  return 'common.error.generic';
}

/** What a writer sees when a save, an action or a status change was refused. */
export function planActErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError) {
    if (error.isNetworkError) return 'common.error.network';
    switch (error.code) {
      case 'owner_required':
        return 'plan.error.owner_required';
      case 'city_not_member':
        return 'plan.error.city_not_member';
      case 'nothing_to_seed':
        return 'plan.nothingToSeed';
      case 'forbidden':
        return 'plan.error.forbidden';
      case 'not_found':
        return 'plan.error.not_found';
    }
  }
  return 'plan.error.generic';
}
