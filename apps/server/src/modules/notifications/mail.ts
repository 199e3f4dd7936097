import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';

/** An email to one recipient (plain text, UTF-8). */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Pluggable email delivery: SMTP (nodemailer) when SMTP_URL is set, otherwise a logging transport. */
export interface MailTransport {
  readonly kind: string;
  /** Resolves once the relay accepted the message; rejects otherwise (the outbox retries). */
  send(message: MailMessage): Promise<void>;
  close?(): void;
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

/**
 * SMTP through nodemailer (MIT-0, ADR 0008): `smtp://user:pass@host:587` (STARTTLS when offered) or
 * `smtps://…:465` (implicit TLS). Pooled connections; header injection and encodings are nodemailer's job.
 */
export class SmtpTransport implements MailTransport {
  readonly kind = 'smtp';
  private readonly transporter: Transporter<SMTPPool.SentMessageInfo>;

  constructor(
    url: string,
    private readonly from: string,
    timeoutMs = 30_000,
  ) {
    const options: SMTPPool.Options & { url: string } = {
      url,
      pool: true,
      maxConnections: 2,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      disableFileAccess: true,
      disableUrlAccess: true,
    };
    this.transporter = nodemailer.createTransport(options);
  }

  async send(message: MailMessage): Promise<void> {
    const info = await this.transporter.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
    });
    if (info.rejected.length) throw new Error(`recipient refused: ${info.rejected.map(String).join(', ')}`);
  }

  close(): void {
    this.transporter.close();
  }
}

export function createMailTransport(settings: {
  smtpUrl: string | undefined;
  mailFrom: string;
}): MailTransport {
  return settings.smtpUrl ? new SmtpTransport(settings.smtpUrl, settings.mailFrom) : new LoggingTransport();
}
