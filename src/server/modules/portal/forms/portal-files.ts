import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import {
  ImageMetadataError,
  type PortalAttachmentType,
  type PortalFileProblem,
  portalFileProblem,
  stripImageMetadata,
} from '../../../../domain/index.ts';
import { ContentProbe, recogniseMediaType, sanitizeFileName } from '../../attachments/index.ts';

// The portal form posted as multipart/form-data (issue 21): its text fields, and up to five files staged in a
// private temporary folder. A bad file does not stop the reading: the other fields are still collected, so
// the form can be shown again with everything typed kept.

export const FILES_FIELD = 'files';

export type PortalFile = { fileName: string; mediaType: PortalAttachmentType; path: string };

/** A file ready to store: its metadata removed, hashed and measured again. */
export type CleanPortalFile = {
  fileName: string;
  mediaType: PortalAttachmentType;
  bytes: Buffer;
  sizeBytes: number;
};

export type PortalFormBody = {
  fields: Record<string, string>;
  files: PortalFile[];
  /** The first problem with a file (one message next to the field), and the name of that file. */
  fileProblem: { problem: PortalFileProblem | 'unreadable'; fileName: string } | null;
  /** Files were chosen (even refused ones): the person has to choose them again when the form comes back. */
  hadFiles: boolean;
  discard(): Promise<void>;
};

/** More parts than a form with five files could ever have: the body is refused as a whole. */
export class PortalBodyTooLargeError extends Error {
  constructor() {
    super('portal form body with too many parts');
    this.name = 'PortalBodyTooLargeError';
  }
}

const FORM_LIMITS = { fields: 40, fieldSize: 100_000, files: 20, parts: 60, headerPairs: 50 };

/**
 * Reads the form. Files beyond the limits are read to their end and thrown away (so the fields after them
 * still arrive), each staged file is at most one byte over the per-file limit.
 */
export async function readPortalForm(
  request: FastifyRequest,
  limits: { maxFileBytes: number },
): Promise<PortalFormBody> {
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const fields = Object.fromEntries(
      Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    return { fields, files: [], fileProblem: null, hadFiles: false, discard: async () => {} };
  }
  const directory = await mkdtemp(path.join(tmpdir(), 'gehoord-portal-'));
  const discard = () => rm(directory, { recursive: true, force: true });
  const result: PortalFormBody = { fields: {}, files: [], fileProblem: null, hadFiles: false, discard };
  const refuse = (problem: PortalFileProblem, fileName: string) => {
    result.fileProblem ??= { problem, fileName };
  };
  try {
    // A file over the limit is cut off (`truncated`), not thrown: the portal registers multipart with
    // throwFileSizeLimit off, so the reading goes on to the fields after it.
    const parts = request.parts({ limits: { ...FORM_LIMITS, fileSize: limits.maxFileBytes + 1 } });
    let index = 0;
    let total = 0;
    for await (const part of parts) {
      if (part.type === 'field') {
        if (!(part.fieldname in result.fields)) result.fields[part.fieldname] = String(part.value);
        continue;
      }
      const fileName = sanitizeFileName(part.filename);
      // An empty file input still sends a part: no name, no content.
      if (part.fieldname !== FILES_FIELD || (part.filename ?? '') === '') {
        part.file.resume();
        await finished(part.file);
        continue;
      }
      result.hadFiles = true;
      if (index >= 5 || result.fileProblem !== null) {
        // Counted but not kept: the sixth file, or any file after a refused one.
        if (index >= 5) refuse('too_many', fileName);
        index += 1;
        part.file.resume();
        await finished(part.file);
        continue;
      }
      const file = path.join(directory, String(index));
      const probe = new ContentProbe(limits.maxFileBytes + 1);
      await pipeline(part.file, probe, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
      const { sizeBytes } = probe.result();
      const truncated = part.file.truncated;
      const mediaType = truncated || sizeBytes === 0 ? null : await recogniseMediaType(file, probe.result());
      const problem = portalFileProblem(
        { index, sizeBytes, mediaType, truncated },
        { maxFileBytes: limits.maxFileBytes, totalBefore: total },
      );
      index += 1;
      if (problem !== null) {
        refuse(problem, fileName);
        continue;
      }
      total += sizeBytes;
      result.files.push({ fileName, mediaType: mediaType as PortalAttachmentType, path: file });
    }
    return result;
  } catch (error) {
    await discard();
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw new PortalBodyTooLargeError();
    throw error;
  }
}

/**
 * The staged files with their metadata removed (the GPS location of a photo, its camera and comments), or
 * the name of the first file that could not be read as the image it claims to be.
 */
export async function cleanPortalFiles(
  files: readonly PortalFile[],
): Promise<{ ok: true; files: CleanPortalFile[] } | { ok: false; fileName: string }> {
  const clean: CleanPortalFile[] = [];
  for (const file of files) {
    try {
      const bytes = Buffer.from(stripImageMetadata(await readFile(file.path), file.mediaType));
      clean.push({ fileName: file.fileName, mediaType: file.mediaType, bytes, sizeBytes: bytes.length });
    } catch (error) {
      if (error instanceof ImageMetadataError) return { ok: false, fileName: file.fileName };
      throw error;
    }
  }
  return { ok: true, files: clean };
}
