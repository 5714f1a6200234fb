import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpConfig } from '../config';

/** One message, plain text and HTML, with files attached. Header values may hold anything a user typed. */
export interface OutgoingMail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; content: string; contentType: string }[];
}

/** How messages leave the server; the SMTP one in production, any other in a test of the callers. */
export interface Mailer {
  /** Resolves with the Message-ID once the server accepted the message; rejects with its reason. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/** Each step of one SMTP conversation, and the whole of it, ends within this. */
export const MAIL_TIMEOUT_MS = 20_000;

/**
 * Sends through the configured SMTP server with nodemailer, which encodes every header value
 * (RFC 2047) so a name or a title with CR/LF in it cannot add a header. One connection per
 * message (no pool): a network has tens of people, and a failed connection never poisons the next.
 */
export class SmtpMailer implements Mailer {
  readonly #transport: Transporter;
  readonly #from: string;
  readonly #timeoutMs: number;

  constructor(config: SmtpConfig, timeoutMs = MAIL_TIMEOUT_MS) {
    this.#from = config.from;
    this.#timeoutMs = timeoutMs;
    this.#transport = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      ...(config.user ? { auth: { user: config.user, pass: config.pass ?? '' } } : {}),
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer from the mail server within ${this.#timeoutMs / 1000} s`)),
        this.#timeoutMs,
      );
    });
    try {
      const info = (await Promise.race([
        this.#transport.sendMail({
          from: this.#from,
          to: { name: mail.to.name, address: mail.to.address },
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          attachments: mail.attachments,
        }),
        deadline,
      ])) as { messageId: string };
      return { messageId: info.messageId };
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.#transport.close();
  }
}
