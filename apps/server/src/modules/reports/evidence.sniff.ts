import type { EvidenceType } from '@pilotage/contracts';
import { cleanFileName } from '../../http/file-name.ts';

/**
 * Detects an evidence file's type from its content (magic bytes), never from its name or declared type.
 * Accepted: PDF; Office Open XML (docx/xlsx/pptx: a ZIP holding [Content_Types].xml and word/, xl/ or ppt/
 * parts, macros refused); legacy Office (OLE compound file holding a WordDocument, Workbook/Book or
 * PowerPoint Document stream); PNG, JPEG, WebP, GIF. Anything else (executables, HTML, scripts, plain ZIP,
 * other OLE files such as MSI installers) is refused (null).
 */
export interface Sniffed {
  type: EvidenceType;
  mime: string;
  ext: string;
}

const TYPES: Record<EvidenceType, Omit<Sniffed, 'type'>> = {
  pdf: { mime: 'application/pdf', ext: 'pdf' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', ext: 'pptx' },
  doc: { mime: 'application/msword', ext: 'doc' },
  xls: { mime: 'application/vnd.ms-excel', ext: 'xls' },
  ppt: { mime: 'application/vnd.ms-powerpoint', ext: 'ppt' },
  png: { mime: 'image/png', ext: 'png' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  webp: { mime: 'image/webp', ext: 'webp' },
  gif: { mime: 'image/gif', ext: 'gif' },
};

const found = (type: EvidenceType): Sniffed => ({ type, ...TYPES[type] });

const startsWith = (buf: Uint8Array, bytes: readonly number[], at = 0) =>
  buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

export function sniff(buf: Uint8Array): Sniffed | null {
  if (startsWith(buf, ascii('%PDF-'))) return found('pdf');
  if (startsWith(buf, PNG)) return found('png');
  if (startsWith(buf, JPEG)) return found('jpeg');
  if (startsWith(buf, ascii('GIF87a')) || startsWith(buf, ascii('GIF89a'))) return found('gif');
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) return found('webp');
  if (startsWith(buf, ZIP)) return sniffOoxml(zipEntryNames(buf));
  if (startsWith(buf, OLE)) return sniffOle(buf);
  return null;
}

/** OOXML: the package's parts decide which application it belongs to. */
export function sniffOoxml(names: string[] | null): Sniffed | null {
  if (!names || !names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return null; // macro-enabled documents are refused
  const has = (prefix: string) => names.some((n) => n.startsWith(prefix));
  if (has('word/')) return found('docx');
  if (has('xl/')) return found('xlsx');
  if (has('ppt/')) return found('pptx');
  return null;
}

/** Entry names from a ZIP's central directory (null when the archive is not readable). */
export function zipEntryNames(buf: Uint8Array): string[] | null {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // end of central directory: 22 bytes + comment (≤ 65535), searched backwards
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    if (at + 46 + nameLen > buf.length) return null;
    names.push(decoder.decode(buf.subarray(at + 46, at + 46 + nameLen)));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

const utf16 = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);
const OLE_STREAMS: [EvidenceType, number[][]][] = [
  ['doc', [utf16('WordDocument')]],
  ['xls', [utf16('Workbook'), utf16('Book\0')]],
  ['ppt', [utf16('PowerPoint Document')]],
];

/** Legacy Office: an OLE compound file whose directory names the application's main stream. */
function sniffOle(buf: Uint8Array): Sniffed | null {
  // directory entries start with the UTF-16LE stream name; a byte scan is enough to tell the three apart
  for (const [type, patterns] of OLE_STREAMS) {
    for (const p of patterns) if (indexOf(buf, p) >= 0) return found(type);
  }
  return null;
}

function indexOf(buf: Uint8Array, pattern: number[]): number {
  const first = pattern[0];
  outer: for (
    let i = buf.indexOf(first!, 512);
    i >= 0 && i <= buf.length - pattern.length;
    i = buf.indexOf(first!, i + 1)
  ) {
    for (let j = 1; j < pattern.length; j++) if (buf[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

/** A safe display name: no path, no control characters, at most 200 characters, extension matching the type. */
export function safeFilename(name: string | undefined, sniffed: Sniffed): string {
  const base = cleanFileName(
    (name ?? '')
      .split(/[\\/]/)
      .pop()!
      .replace(/[\p{Cc}"<>|:*?]/gu, ''),
  );
  const stem = (base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base).slice(0, 180) || 'evidence';
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1).toLowerCase() : '';
  const sameExt = ext === sniffed.ext || (sniffed.type === 'jpeg' && ext === 'jpeg');
  return `${stem}.${sameExt ? ext : sniffed.ext}`;
}
