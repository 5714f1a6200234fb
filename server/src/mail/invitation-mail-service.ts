import type { MailResult, SendInvitationsResponse } from '@empiria/shared';
import { NetworkError } from '../networks/network-error';
import type { NetworkServices } from '../networks/network-services';
import type { NetworkStore } from '../networks/network-store';
import { invitationMessage } from './invitation-message';
import type { MailLog } from './invitation-mail-log';
import type { Mailer } from './mailer';

/** Messages in flight at once: a network has tens of people; a slow server holds up a few, not all. */
export const SEND_CONCURRENCY = 3;

/** Why a refused message was refused, as the server said it, short enough for a list. */
function reasonOf(error: unknown): string {
  const smtp = error as { response?: unknown; message?: unknown } | null;
  const text =
    typeof smtp?.response === 'string'
      ? smtp.response
      : typeof smtp?.message === 'string'
        ? smtp.message
        : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/**
 * Sends a meeting's invitations by e-mail (issue #11, item 3): to each invitee their own message
 * with their own personal link (never another person's) and the meeting's calendar file. Without
 * a list: every invitee this version of the meeting has not been sent to yet. Each attempt is
 * recorded; one refused address or a dead server fails that message, not the others.
 */
export class InvitationMailService {
  readonly #networks: NetworkServices;
  readonly #store: NetworkStore;
  readonly #log: MailLog;
  readonly #mailer: Mailer;

  constructor(networks: NetworkServices, store: NetworkStore, log: MailLog, mailer: Mailer) {
    this.#networks = networks;
    this.#store = store;
    this.#log = log;
    this.#mailer = mailer;
  }

  async send(
    networkId: string,
    meetingId: string,
    personIds: readonly string[] | undefined,
    now = new Date(),
  ): Promise<SendInvitationsResponse> {
    const { networks, meetings } = this.#networks;
    const network = await networks.get(networkId);
    const meeting = await meetings.get(networkId, meetingId);
    const revision = (await this.#store.meeting(networkId, meetingId))?.sequence ?? 0;
    // Invitees who have left the network since keep their past invitation but get no mail.
    const invitees = (await meetings.invitations(networkId, meetingId)).filter((inv) => inv.role !== null);
    const people = new Map((await networks.people(networkId, true)).map((person) => [person.id, person]));

    let targets: typeof invitees;
    let alreadySent = 0;
    if (personIds) {
      const wanted = new Set(personIds);
      for (const personId of wanted) {
        if (!invitees.some((inv) => inv.personId === personId)) {
          throw new NetworkError(
            'conflict',
            'not_invited',
            `Person ${personId} is not invited to this meeting.`,
          );
        }
      }
      targets = invitees.filter((inv) => wanted.has(inv.personId));
    } else {
      const sent = await this.#log.sentTo(meetingId, revision);
      targets = invitees.filter((inv) => !sent.has(inv.personId));
      alreadySent = invitees.length - targets.length;
    }

    const calendar = await meetings.calendar(networkId, meetingId, this.#networks.calendarHost(), now);
    const sendOne = async (personId: string, name: string): Promise<MailResult> => {
      const person = people.get(personId);
      const email = person?.email ?? null;
      const base = { personId, name, email, reason: null, messageId: null };
      if (!email) return { ...base, outcome: 'no-email' };
      if (!person?.link) return { ...base, outcome: 'failed', reason: 'no active personal link' };
      const message = invitationMessage({
        networkName: network.name,
        meeting,
        personName: person.name,
        personalLink: person.link,
      });
      try {
        const { messageId } = await this.#mailer.send({
          to: { name: person.name, address: email },
          ...message,
          attachments: [
            { filename: 'zaproszenie.ics', content: calendar, contentType: 'text/calendar; charset=utf-8' },
          ],
        });
        return { ...base, outcome: 'sent', messageId };
      } catch (error) {
        return { ...base, outcome: 'failed', reason: reasonOf(error) };
      }
    };

    const results = await inBatches(targets, SEND_CONCURRENCY, async (invitation) => {
      const result = await sendOne(invitation.personId, invitation.name);
      await this.#log.record({
        meetingId,
        personId: result.personId,
        email: result.email,
        revision,
        outcome: result.outcome,
        messageId: result.messageId,
        reason: result.reason,
        at: new Date().toISOString(),
      });
      return result;
    });
    return { revision, results, alreadySent };
  }
}

/** Runs `work` over `items` with at most `limit` at once; results in the items' order. */
async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
