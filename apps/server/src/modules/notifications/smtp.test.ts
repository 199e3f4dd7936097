import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressOf, SmtpTransport } from './smtp.ts';

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

describe('minimal SMTP transport', () => {
  it('authenticates, sends a UTF-8 message and quits', async () => {
    const t = new SmtpTransport(
      `smtp://user%40x:p%C3%A1ss@127.0.0.1:${port}`,
      'Ban Chỉ đạo <bcd@example.vn>',
    );
    await t.send({
      to: 'Cán bộ <officer@example.vn>',
      subject: 'Nhắc hạn: báo cáo kỳ 2025-06',
      text: 'Đã quá hạn.\n.dòng bắt đầu bằng dấu chấm',
    });
    const s = sessions.at(-1)!;
    expect(s.commands[0]).toMatch(/^EHLO /);
    expect(Buffer.from(s.commands[1]!.slice('AUTH PLAIN '.length), 'base64').toString('utf8')).toBe(
      '\0user@x\0páss',
    );
    expect(s.commands).toContain('MAIL FROM:<bcd@example.vn>');
    expect(s.commands).toContain('RCPT TO:<officer@example.vn>');
    expect(s.commands.at(-1)).toBe('QUIT');
    const [head, body] = s.data.split('\r\n\r\n');
    const subject = /Subject: =\?UTF-8\?B\?([^?]+)\?=/.exec(head!)![1]!;
    expect(Buffer.from(subject, 'base64').toString('utf8')).toBe('Nhắc hạn: báo cáo kỳ 2025-06');
    expect(Buffer.from(body!.replace(/\r\n/g, ''), 'base64').toString('utf8')).toBe(
      'Đã quá hạn.\r\n.dòng bắt đầu bằng dấu chấm',
    );
  });

  it('fails on a refused recipient and on header injection', async () => {
    const t = new SmtpTransport(`smtp://127.0.0.1:${port}`, 'bcd@example.vn');
    await expect(t.send({ to: 'bad@example.vn', subject: 's', text: 't' })).rejects.toThrow(/550/);
    expect(() => addressOf('a@b.vn>\r\nBcc: x@y')).toThrow();
  });
});
