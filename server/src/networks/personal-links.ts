import type { TokenCodec } from '../auth/tokens';

/**
 * A person's personal link in one network: `PUBLIC_URL/me?token=<signed token>`. The token names
 * the network, the person and the link's id; the link row (network-store) says whether it still
 * counts, so replacing a link or removing the person ends it on the next request ([N6]).
 */
export class PersonalLinks {
  readonly #tokens: TokenCodec;
  readonly #publicUrl: () => string;

  constructor(tokens: TokenCodec, publicUrl: () => string) {
    this.#tokens = tokens;
    this.#publicUrl = publicUrl;
  }

  url(networkId: string, personId: string, linkId: string): string {
    const token = this.#tokens.sign({ k: 'personal', w: networkId, u: personId, i: linkId });
    return `${this.#publicUrl()}/me?token=${token}`;
  }
}
