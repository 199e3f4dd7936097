import { createHash } from 'node:crypto';
import type { FeedbackConfig } from '../../config.feedback.ts';
import { AppError } from '../../http/errors.ts';
import { safeFilename, sniff } from '../reports/index.ts';

export interface UploadedFile {
  filename: string;
  mime: string;
  sha256: string;
  content: Buffer;
}

export function fileTooLarge(index: number, maxBytes: number, name = `#${index + 1}`): AppError {
  const max = Math.round(maxBytes / 1024 / 1024);
  return new AppError(413, 'feedback_file_too_large', { name, max }, [
    { path: `files.${index}`, key: 'feedback_file_too_large', params: { name, max } },
  ]);
}

/** Accepted evidence: PDF, images, Office documents — by content (magic bytes), never by name. */
export function checkFile(
  part: { filename: string; content: Buffer },
  index: number,
  config: Pick<FeedbackConfig, 'maxFileBytes'>,
): UploadedFile {
  if (part.content.length > config.maxFileBytes)
    throw fileTooLarge(index, config.maxFileBytes, part.filename);
  const type = sniff(part.content);
  if (!type)
    throw new AppError(415, 'feedback_file_type', { name: part.filename }, [
      { path: `files.${index}`, key: 'feedback_file_type', params: { name: part.filename } },
    ]);
  return {
    filename: safeFilename(part.filename, type),
    mime: type.mime,
    sha256: createHash('sha256').update(part.content).digest('hex'),
    content: part.content,
  };
}
