import { randomBytes } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import type { MailMessage, MailTransport } from './mail.ts';

/**
 * A minimal SMTP client (RFC 5321) over node:net / node:tls, enough to hand mail to a relay:
 * smtps://host:465 (implicit TLS) or smtp://host:587 (STARTTLS when offered), AUTH PLAIN with the URL's
 * user and password, one recipient per message, UTF-8 subject (RFC 2047) and base64 body.
 * Options in the URL query: ?tls=off disables STARTTLS (local relays), ?insecure=1 skips certificate checks.
 */
export class SmtpTransport implements MailTransport {
  readonly kind = 'smtp';
  private readonly url: URL;

  constructor(
    url: string,
    private readonly from: string,
    private readonly timeoutMs = 15_000,
  ) {
    this.url = new URL(url);
  }

  async send(message: MailMessage): Promise<void> {
    const secure = this.url.protocol === 'smtps:';
    const host = this.url.hostname;
    const port = Number(this.url.port) || (secure ? 465 : 587);
    const insecure = this.url.searchParams.get('insecure') === '1';
    let socket: net.Socket = secure
      ? tls.connect({ host, port, servername: host, rejectUnauthorized: !insecure })
      : net.connect({ host, port });
    let session = new Session(socket, this.timeoutMs);
    try {
      await session.expect(220);
      let ehlo = await session.command(`EHLO ${clientName()}`, 250);
      if (!secure && /STARTTLS/i.test(ehlo) && this.url.searchParams.get('tls') !== 'off') {
        await session.command('STARTTLS', 220);
        session.detach();
        socket = tls.connect({ socket, servername: host, rejectUnauthorized: !insecure });
        session = new Session(socket, this.timeoutMs);
        ehlo = await session.command(`EHLO ${clientName()}`, 250);
      }
      if (this.url.username) {
        const user = decodeURIComponent(this.url.username);
        const pass = decodeURIComponent(this.url.password);
        await session.command(`AUTH PLAIN ${Buffer.from(`\0${user}\0${pass}`).toString('base64')}`, 235);
      }
      await session.command(`MAIL FROM:<${addressOf(this.from)}>`, 250);
      await session.command(`RCPT TO:<${addressOf(message.to)}>`, [250, 251]);
      await session.command('DATA', 354);
      await session.command(`${buildMessage(this.from, message)}\r\n.`, 250);
      await session.command('QUIT', 221).catch(() => undefined);
    } finally {
      socket.destroy();
    }
  }
}

const clientName = () => 'pilotage.local';

/** The bare address of `Name <a@b>` or `a@b`; refuses CR/LF (header injection). */
export function addressOf(value: string): string {
  const m = /<([^<>\s]+)>\s*$/.exec(value);
  const address = (m?.[1] ?? value).trim();
  if (/[\r\n<>\s]/.test(address) || !address.includes('@'))
    throw new Error(`invalid email address: ${JSON.stringify(value)}`);
  return address;
}

const encodeWord = (s: string) =>
  /^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;

function encodeFrom(from: string): string {
  const m = /^(.*?)\s*<([^<>]+)>\s*$/.exec(from);
  return m && m[1] ? `${encodeWord(m[1].replace(/"/g, ''))} <${m[2]}>` : `<${addressOf(from)}>`;
}

/** RFC 5322 message with a base64 UTF-8 body (lines of 76; no line can start with a dot). */
export function buildMessage(from: string, message: MailMessage): string {
  const body = (
    Buffer.from(message.text.replace(/\r?\n/g, '\r\n'), 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
  const headers = [
    `From: ${encodeFrom(from)}`,
    `To: <${addressOf(message.to)}>`,
    `Subject: ${encodeWord(message.subject.replace(/[\r\n]+/g, ' '))}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${randomBytes(12).toString('hex')}@pilotage.local>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${body}`;
}

/** Reads SMTP replies (multi-line `250-…` ending with `250 …`) from a socket. */
class Session {
  private buffer = '';
  private waiting: ((reply: { code: number; text: string } | Error) => void) | null = null;
  private readonly onData = (chunk: Buffer) => {
    this.buffer += chunk.toString('utf8');
    this.flush();
  };
  private readonly onError = (error: Error) => this.fail(error);
  private readonly onClose = () => this.fail(new Error('SMTP connection closed'));

  constructor(
    private readonly socket: net.Socket,
    private readonly timeoutMs: number,
  ) {
    socket.on('data', this.onData);
    socket.on('error', this.onError);
    socket.on('close', this.onClose);
  }

  detach() {
    this.socket.off('data', this.onData);
    this.socket.off('error', this.onError);
    this.socket.off('close', this.onClose);
  }

  private fail(error: Error) {
    const w = this.waiting;
    this.waiting = null;
    w?.(error);
  }

  private flush() {
    const lines = this.buffer.split('\r\n');
    for (let i = 0; i < lines.length - 1; i++) {
      if (/^\d{3} /.test(lines[i]!) || /^\d{3}$/.test(lines[i]!)) {
        const text = lines.slice(0, i + 1).join('\n');
        this.buffer = lines.slice(i + 1).join('\r\n');
        const w = this.waiting;
        this.waiting = null;
        w?.({ code: Number(lines[i]!.slice(0, 3)), text });
        return;
      }
    }
  }

  expect(codes: number | number[]): Promise<string> {
    const ok = Array.isArray(codes) ? codes : [codes];
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error('SMTP timeout')), this.timeoutMs);
      this.waiting = (reply) => {
        clearTimeout(timer);
        if (reply instanceof Error) reject(reply);
        else if (!ok.includes(reply.code)) reject(new Error(`SMTP ${reply.code}: ${reply.text}`));
        else resolve(reply.text);
      };
      this.flush();
    });
  }

  command(line: string, codes: number | number[]): Promise<string> {
    const reply = this.expect(codes);
    this.socket.write(`${line}\r\n`);
    return reply;
  }
}
