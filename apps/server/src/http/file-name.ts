/**
 * The one rule for a file name that came from a client and is stored or shown (evidence, imports):
 * no control characters and no bidirectional overrides or marks (U+202A–U+202E, U+2066–U+2069,
 * U+200E/U+200F, U+061C), which make `invoice‮fdp.exe` display as `invoiceexe.pdf`.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g;

export function cleanFileName(name: string): string {
  return name.replace(UNSAFE, '').normalize('NFC').trim();
}
