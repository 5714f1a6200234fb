import type { SmtpConfig } from '../config';
import type { NetworkServices } from '../networks/network-services';
import { NetworkStore } from '../networks/network-store';
import type { SqlDatabase } from '../storage/sql/sql-database';
import { MailLog } from './invitation-mail-log';
import { InvitationMailService } from './invitation-mail-service';
import { SmtpMailer, type Mailer } from './mailer';

/** E-mailed invitations when SMTP is configured; null (the route says how to configure it) when not. */
export function createInvitationMail(
  sql: SqlDatabase,
  networks: NetworkServices,
  smtp: SmtpConfig | null,
  mailer: Mailer | null = smtp ? new SmtpMailer(smtp) : null,
): { service: InvitationMailService; mailer: Mailer } | null {
  if (!mailer) return null;
  return {
    service: new InvitationMailService(networks, new NetworkStore(sql), new MailLog(sql), mailer),
    mailer,
  };
}
