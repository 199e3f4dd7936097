import { SmtpTransport } from './smtp.ts';

/** An email to one recipient (plain text, UTF-8). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Pluggable email delivery: SMTP when SMTP_URL is set, otherwise a logging transport. */
export interface MailTransport {
  readonly kind: string;
  send(message: MailMessage): Promise<void>;
}

/** Writes one line per email to the log and keeps the last 200 (for tests and the demo). */
export class LoggingTransport implements MailTransport {
  readonly kind = 'log';
  readonly sent: MailMessage[] = [];

  constructor(private readonly log: (line: string) => void = defaultLog) {}

  send(message: MailMessage): Promise<void> {
    this.sent.push(message);
    if (this.sent.length > 200) this.sent.shift();
    this.log(`[mail] to=${message.to} subject=${JSON.stringify(message.subject)}`);
    return Promise.resolve();
  }
}

function defaultLog(line: string) {
  if (!process.env.VITEST) console.info(line);
}

export function createMailTransport(settings: {
  smtpUrl: string | undefined;
  mailFrom: string;
}): MailTransport {
  return settings.smtpUrl ? new SmtpTransport(settings.smtpUrl, settings.mailFrom) : new LoggingTransport();
}
