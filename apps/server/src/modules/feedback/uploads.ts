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

/** Accepted evidence: PDF, images, Office documents — by content (magic bytes), never by name. */
export function checkFile(
  part: { filename: string; content: Buffer },
  index: number,
  config: Pick<FeedbackConfig, 'maxFileBytes'>,
): UploadedFile {
  const max = Math.round(config.maxFileBytes / 1024 / 1024);
  if (part.content.length > config.maxFileBytes)
    throw new AppError(413, 'feedback_file_too_large', { name: part.filename, max }, [
      { path: `files.${index}`, key: 'feedback_file_too_large', params: { name: part.filename, max } },
    ]);
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
