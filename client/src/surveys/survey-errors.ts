import type { MessageKey } from '@empiria/shared';
import { ApiRequestError } from '../api/http';

/** What a person reads when loading a survey page failed. */
export function surveyLoadErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError) {
    if (error.isNetworkError) return 'common.error.network';
    if (error.status === 401) return 'surveys.error.linkEnded';
    if (error.status === 403) return 'surveys.error.forbidden';
    if (error.status === 404) return 'surveys.error.notFound';
  }
  return 'common.error.generic';
}

/** What a person reads when an answer, an edit, or opening or closing a survey was refused. */
export function surveyActErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError) {
    if (error.isNetworkError) return 'common.error.network';
    if (error.status === 401) return 'surveys.error.linkEnded';
    switch (error.code) {
      case 'already_answered':
        return 'surveys.answer.already';
      case 'survey_not_open':
        return 'surveys.answer.closed';
      case 'not_a_respondent':
        return 'surveys.answer.notForYou';
      case 'invalid_answer':
        return 'surveys.answer.missing';
      case 'invalid_body':
        return 'surveys.error.invalid';
    }
  }
  return 'surveys.error.save';
}
