import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SmtpTransport } from './mail.ts';

/** A fake SMTP relay that records the conversation. */
let server: net.Server;
let port = 0;
const sessions: { commands: string[]; data: string }[] = [];

beforeAll(async () => {
  server = net.createServer((socket) => {
    const s = { commands: [] as string[], data: '' };
    sessions.push(s);
    let buffer = '';
    let inData = false;
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          s.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          socket.write('250 queued\r\n');
          continue;
        }
        const nl = buffer.indexOf('\r\n');
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        s.commands.push(line);
        if (line.startsWith('EHLO')) socket.write('250-fake\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n');
        else if (line.startsWith('AUTH PLAIN')) socket.write('235 ok\r\n');
        else if (line.startsWith('DATA')) {
          inData = true;
          socket.write('354 go\r\n');
        } else if (line.startsWith('QUIT')) socket.end('221 bye\r\n');
        else if (line.startsWith('RCPT TO:<bad@')) socket.write('550 no such user\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('SMTP transport (nodemailer)', () => {
  it('authenticates, sends a UTF-8 message with the sender and recipient given', async () => {
    const t = new SmtpTransport(
      `smtp://user%40x:p%C3%A1ss@127.0.0.1:${port}`,
      'Ban Chỉ đạo <bcd@example.vn>',
    );
    await t.send({
      to: 'Cán bộ <officer@example.vn>',
      subject: 'Nhắc hạn: báo cáo kỳ 2025-06',
      text: 'Đã quá hạn.\n.dòng bắt đầu bằng dấu chấm',
    });
    t.close();
    const s = sessions.at(-1)!;
    expect(s.commands[0]).toMatch(/^EHLO /);
    const auth = s.commands.find((c) => c.startsWith('AUTH PLAIN '))!;
    expect(Buffer.from(auth.slice('AUTH PLAIN '.length), 'base64').toString('utf8')).toBe('\0user@x\0páss');
    expect(s.commands.some((c) => c.startsWith('MAIL FROM:<bcd@example.vn>'))).toBe(true);
    expect(s.commands.some((c) => c.startsWith('RCPT TO:<officer@example.vn>'))).toBe(true);
    const [head, body] = s.data.split('\r\n\r\n');
    const subjectHeader = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(head!)![1]!;
    const words = [...subjectHeader.matchAll(/=\?UTF-8\?([BQ])\?([^?]+)\?=/gi)];
    expect(words.length).toBeGreaterThan(0);
    expect(words.map((w) => decodeWord(w[1]!.toUpperCase(), w[2]!)).join('')).toBe(
      'Nhắc hạn: báo cáo kỳ 2025-06',
    );
    expect(head).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    // dot-stuffing: a body line starting with "." travels as ".."
    expect(body).toMatch(/\r\n\.\./);
  });

  it('fails on a refused recipient; header injection cannot add a header', async () => {
    const t = new SmtpTransport(`smtp://127.0.0.1:${port}`, 'bcd@example.vn');
    await expect(t.send({ to: 'bad@example.vn', subject: 's', text: 't' })).rejects.toThrow();
    await t.send({ to: 'ok@example.vn', subject: 'a\r\nBcc: x@y.vn', text: 't' });
    t.close();
    const [head] = sessions.at(-1)!.data.split('\r\n\r\n');
    expect(head).not.toMatch(/^Bcc:/m);
    expect(sessions.at(-1)!.commands.some((c) => c.includes('x@y.vn'))).toBe(false);
  });
});

function decodeWord(enc: string, text: string): string {
  if (enc === 'B') return Buffer.from(text, 'base64').toString('utf8');
  const bytes = text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, h: string) => `%${h}`);
  return decodeURIComponent(bytes);
}
