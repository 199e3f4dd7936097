import { describe, expect, it } from 'vitest';
import { multipartBody, tinyDocx, tinyPdf, tinyPng, zip } from '../../../test/reports-helpers.ts';
import { safeFilename, sniff } from './evidence.sniff.ts';

const CT = '<Types/>';
const ole = (stream: string) => {
  const buf = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  Buffer.from(`Root Entry`, 'utf16le').copy(buf, 1024);
  Buffer.from(stream, 'utf16le').copy(buf, 1152);
  return buf;
};

describe('evidence type detection by content', () => {
  it('recognizes PDF, PNG, JPEG, GIF, WebP', () => {
    expect(sniff(tinyPdf())?.type).toBe('pdf');
    expect(sniff(tinyPng())?.type).toBe('png');
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))?.type).toBe('jpeg');
    expect(sniff(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))?.type).toBe('gif');
    expect(sniff(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))?.type).toBe(
      'webp',
    );
  });

  it('tells docx, xlsx and pptx apart by their parts and refuses other zips and macros', () => {
    expect(sniff(tinyDocx())?.type).toBe('docx');
    expect(sniff(zip({ '[Content_Types].xml': CT, 'xl/workbook.xml': '<x/>' }))?.type).toBe('xlsx');
    expect(sniff(zip({ '[Content_Types].xml': CT, 'ppt/presentation.xml': '<p/>' }))?.type).toBe('pptx');
    expect(sniff(zip({ 'readme.txt': 'hello' }))).toBeNull();
    expect(sniff(zip({ 'word/document.xml': '<w/>' }))).toBeNull(); // no [Content_Types].xml
    expect(
      sniff(zip({ '[Content_Types].xml': CT, 'word/document.xml': '<w/>', 'word/vbaProject.bin': 'x' })),
    ).toBeNull();
  });

  it('recognizes legacy doc, xls, ppt and refuses other OLE files (MSI installers)', () => {
    expect(sniff(ole('WordDocument'))?.type).toBe('doc');
    expect(sniff(ole('Workbook'))?.type).toBe('xls');
    expect(sniff(ole('PowerPoint Document'))?.type).toBe('ppt');
    expect(sniff(ole('\u0005SummaryInformation'))).toBeNull();
  });

  it('refuses executables, HTML, scripts, SVG and empty files', () => {
    expect(sniff(Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'))).toBeNull();
    expect(sniff(Buffer.from('\x7fELF\x02\x01\x01', 'latin1'))).toBeNull();
    expect(sniff(Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'))).toBeNull();
    expect(sniff(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniff(Buffer.from('#!/bin/sh\nrm -rf /'))).toBeNull();
    expect(sniff(Buffer.alloc(0))).toBeNull();
    expect(sniff(Buffer.from('%PD'))).toBeNull();
  });

  it('gives the stored name the detected extension, without path or control characters', () => {
    const png = sniff(tinyPng())!;
    expect(safeFilename('báo cáo.pdf', png)).toBe('báo cáo.png');
    expect(safeFilename('../../etc/ảnh.PNG', png)).toBe('ảnh.png');
    expect(safeFilename('a\r\nb".png', png)).toBe('ab.png');
    expect(safeFilename(undefined, sniff(tinyPdf())!)).toBe('evidence.pdf');
    expect(safeFilename('photo.jpeg', sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))!)).toBe('photo.jpeg');
  });

  it('builds multipart bodies for the HTTP tests', () => {
    const { payload, headers } = multipartBody('file', 'a.pdf', tinyPdf());
    expect(headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(payload.includes(Buffer.from('%PDF-1.4'))).toBe(true);
  });
});
