import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type {} from '@fastify/multipart';
import type { FastifyRequest, FastifySchemaValidationError } from 'fastify';
import type { z } from 'zod';
import { attachmentUploadFields } from '../../../../contract/attachments.ts';
import type { FieldError } from '../../../../contract/problem.ts';
import { AppError } from '../../../http/app-error.ts';
import { toFieldErrors, zodValidatorCompiler } from '../../../http/validation.ts';
import { ContentProbe, FileTooLargeError, type ProbeResult } from '../files/content-probe.ts';
import { sanitizeFileName } from '../files/file-name.ts';

export type StagedUpload = {
  /** A private temporary copy, read again to recognise the type and to hand to the storage. */
  path: string;
  fileName: string;
  probe: ProbeResult;
  fields: z.infer<typeof attachmentUploadFields>;
  discard(): Promise<void>;
};

const fieldsValidator = zodValidatorCompiler({
  schema: attachmentUploadFields.strict(),
  method: 'POST',
  url: '/api/complaints/:id/attachments',
  httpPart: 'body',
});

function bodyProblem(path: string, code: string, nl: string, en: string): AppError {
  const fieldError: FieldError = { in: 'body', path, code, messages: { nl, en } };
  return new AppError('validation_failed', { fieldErrors: [fieldError] });
}

/**
 * Reads a multipart upload (one `file`, optional `description` and `kind`) into a temporary file while
 * hashing and measuring it. Fails with 413 the moment the file passes the limit; nothing is kept then.
 */
export async function receiveUpload(request: FastifyRequest, maxBytes: number): Promise<StagedUpload> {
  if (!request.isMultipart())
    throw new AppError('unsupported_media_type', {
      detail: 'Send the file as multipart/form-data with a `file` field.',
    });
  const directory = await mkdtemp(path.join(tmpdir(), 'gehoord-upload-'));
  const discard = () => rm(directory, { recursive: true, force: true });
  try {
    const file = path.join(directory, 'upload');
    let staged: { fileName: string; probe: ProbeResult } | undefined;
    const fields: Record<string, string> = {};
    const parts = request.parts({
      // One byte over the limit reaches the probe, which then refuses the file.
      limits: { files: 1, fileSize: maxBytes + 1, fields: 4, fieldSize: 16_000, parts: 6, headerPairs: 50 },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.valueTruncated) throw bodyProblem(part.fieldname, 'too_big', 'Te lang.', 'Too long.');
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw bodyProblem(part.fieldname, 'unrecognized_keys', 'Onbekend veld.', 'Unknown field.');
      }
      const probe = new ContentProbe(maxBytes);
      await pipeline(part.file, probe, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
      if (part.file.truncated) throw new FileTooLargeError(maxBytes);
      staged = { fileName: sanitizeFileName(part.filename), probe: probe.result() };
    }
    if (staged === undefined) throw bodyProblem('file', 'required', 'Kies een bestand.', 'Choose a file.');
    if (staged.probe.sizeBytes === 0)
      throw bodyProblem('file', 'empty', 'Dit bestand is leeg.', 'This file is empty.');
    const checked = fieldsValidator(fields) as {
      value?: z.infer<typeof attachmentUploadFields>;
      error?: FastifySchemaValidationError[];
    };
    if (checked.error !== undefined || checked.value === undefined)
      throw new AppError('validation_failed', { fieldErrors: toFieldErrors(checked.error ?? [], 'body') });
    return { path: file, ...staged, fields: checked.value, discard };
  } catch (error) {
    await discard();
    throw asUploadProblem(error, maxBytes);
  }
}

function asUploadProblem(error: unknown, maxBytes: number): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  if (error instanceof FileTooLargeError || code === 'FST_REQ_FILE_TOO_LARGE')
    return new AppError('attachment_too_large', { detail: `The limit is ${maxBytes} bytes.` });
  if (code === 'FST_FILES_LIMIT')
    return bodyProblem('file', 'too_many_files', 'Eén bestand per keer.', 'One file at a time.');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new AppError('malformed_request', { detail: 'Too many form fields.' });
  // Disk and other system errors (ENOSPC, EACCES…) are ours; anything else is a broken multipart body.
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return error;
  return new AppError('malformed_request', { detail: 'The multipart body could not be read.', cause: error });
}
