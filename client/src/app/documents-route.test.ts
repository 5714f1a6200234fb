import { describe, expect, it } from 'vitest';
import { parseRoute } from './route';

const at = (pathname: string) => parseRoute({ pathname, search: '' });

describe('the document space’s address', () => {
  it('/n/<id>/documents is the space; anything else under it is not found', () => {
    expect(at('/n/net-zielona/documents')).toEqual({ kind: 'documents', networkId: 'net-zielona' });
    expect(at('/n/net-zielona/documents/')).toEqual({ kind: 'documents', networkId: 'net-zielona' });
    expect(at('/n/x/documents')).toEqual({ kind: 'not-found' });
    expect(at('/n/net-zielona/documents/../../admin')).toEqual({ kind: 'not-found' });
  });
});
