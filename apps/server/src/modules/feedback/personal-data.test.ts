import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Keyring, maskContact } from './personal-data.ts';

const key = () => randomBytes(32).toString('base64');

describe('personal data sealing', () => {
  it('seals and opens with the current key; the ciphertext holds no clear text', () => {
    const ring = Keyring.fromConfig(`k1:${key()}`);
    const { sealed, keyId } = ring.seal({ name: 'Nguyễn Văn An', citizenId: '001099012345' }, 'item-1');
    expect(keyId).toBe('k1');
    expect(sealed).not.toContain('001099012345');
    expect(ring.open(sealed, keyId, 'item-1')).toEqual({ name: 'Nguyễn Văn An', citizenId: '001099012345' });
  });

  it('rotates: a new first key seals, the old one still opens old rows', () => {
    const k1 = key();
    const old = Keyring.fromConfig(`k1:${k1}`).seal({ name: 'A' }, 'x');
    const ring = Keyring.fromConfig(`k2:${key()},k1:${k1}`);
    expect(ring.currentId).toBe('k2');
    expect(ring.open(old.sealed, 'k1', 'x')).toEqual({ name: 'A' });
    expect(ring.seal({ name: 'B' }, 'y').keyId).toBe('k2');
  });

  it('refuses tampered values, another row, unknown keys and short keys', () => {
    const ring = Keyring.fromConfig(`k1:${key()}`);
    const { sealed } = ring.seal({ name: 'A' }, 'item-1');
    expect(() => ring.open(sealed, 'k1', 'item-2')).toThrow();
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[bytes.length - 1]! ^= 1;
    expect(() => ring.open(bytes.toString('base64url'), 'k1', 'item-1')).toThrow();
    expect(() => ring.open(sealed, 'k9', 'item-1')).toThrow(/unknown key/);
    expect(() => Keyring.fromConfig('k1:c2hvcnQ=')).toThrow(/32 bytes/);
  });

  it('masks contacts', () => {
    expect(
      maskContact({
        name: 'Nguyễn Văn An',
        email: 'an.nguyen@example.vn',
        phone: '0912 345 678',
        citizenId: '001099012345',
      }),
    ).toEqual({
      name: 'Nguyễn V** A*',
      email: 'a***@example.vn',
      phone: '*******678',
      citizenId: '*********345',
    });
  });
});
