import { NETWORK_DOCUMENTS_ERROR_CODES as CODES, type MessageKey } from '@empiria/shared';
import { ApiRequestError } from '../api/http';

/** What a person reads when loading the space failed. */
export function loadErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError) {
    if (error.isNetworkError) return 'common.error.network';
    if (error.status === 401) return 'documents.error.linkEnded';
    if (error.status === 403) return 'documents.error.forbidden';
    if (error.status === 404) return 'documents.error.notFound';
  }
  return 'common.error.generic';
}

/** What a person reads when an upload or a change was refused; `{name}` is the file's. */
export function actErrorKey(error: unknown): MessageKey {
  if (error instanceof ApiRequestError) {
    if (error.isNetworkError) return 'common.error.network';
    if (error.status === 401) return 'documents.error.linkEnded';
    if (error.status === 403) return 'documents.error.forbidden';
    if (error.status === 429) return 'documents.error.rateLimited';
    switch (error.code) {
      case CODES.tooLarge:
      case 'payload_too_large':
        return 'documents.error.tooLarge';
      case CODES.typeMismatch:
        return 'documents.error.mismatch';
      case CODES.unsupportedType:
        return 'documents.error.unsupported';
      case CODES.quotaExceeded:
        return 'documents.error.quota';
      case CODES.folderExists:
      case CODES.fileExists:
        return 'documents.error.exists';
      case CODES.badName:
      case 'invalid_body':
        return 'documents.error.badName';
      case 'not_found':
        return 'documents.error.notFound';
    }
  }
  return 'documents.error.save';
}
