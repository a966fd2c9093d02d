import { z } from 'zod';
import { BULK_ASSIGN_MAX } from '../domain/work-queue.ts';
import { complaintListQuery } from './complaints.ts';
import { errorCodes } from './errors.ts';
import { localizedText } from './problem.ts';

/** The tab counts take the list's filters, except whose complaints: each tab decides that itself. */
export const queueCountsQuery = complaintListQuery
  .omit({ handlerId: true, sort: true, cursor: true, limit: true })
  .describe('`departmentId` names the department of the "my department" and "unassigned" tabs.');
export type QueueCountsQuery = z.infer<typeof queueCountsQuery>;

export const queueCounts = z
  .object({
    mine: z.number().int(),
    department: z.number().int().nullable().describe('null when no department is picked or allowed'),
    unassigned: z.number().int().nullable().describe('Unassigned complaints of the department'),
    all: z.number().int().nullable().describe('null for those who may not list all complaints'),
    departmentId: z.uuid().nullable().describe('The department the department counts are for'),
    isLowerBound: z
      .boolean()
      .describe(
        'true when a search found more matches than are counted: each count is at least this, at most 1,000',
      ),
  })
  .meta({ id: 'QueueCounts' });
export type QueueCounts = z.infer<typeof queueCounts>;

export const bulkAssignInput = z
  .object({
    complaintIds: z
      .array(z.uuid())
      .min(1)
      .max(BULK_ASSIGN_MAX)
      .refine((ids) => new Set(ids).size === ids.length, { message: 'Every complaint once' }),
    handlerId: z.uuid(),
  })
  .meta({
    id: 'BulkAssignInput',
    description: `Assigns (or reassigns) up to ${BULK_ASSIGN_MAX} complaints to one handler, each on its own.`,
  });
export type BulkAssignInput = z.infer<typeof bulkAssignInput>;

export const bulkAssignRow = z.discriminatedUnion('ok', [
  z.object({ complaintId: z.uuid(), ok: z.literal(true), reference: z.string(), version: z.number().int() }),
  z.object({
    complaintId: z.uuid(),
    ok: z.literal(false),
    code: z.enum(errorCodes as [string, ...string[]]),
    messages: localizedText,
  }),
]);
export type BulkAssignRow = z.infer<typeof bulkAssignRow>;

export const bulkAssignResult = z
  .object({
    assigned: z.number().int(),
    refused: z.number().int(),
    results: z.array(bulkAssignRow).describe('One row per complaint, in the order asked'),
  })
  .meta({ id: 'BulkAssignResult' });
export type BulkAssignResult = z.infer<typeof bulkAssignResult>;

export const savedViewInput = z
  .object({
    name: z.string().trim().min(1).max(80),
    query: z.string().max(2000).describe('The queue filter query string, e.g. `status=new&overdue=true`'),
    shared: z.boolean().default(false).describe('Shared with the owner’s department'),
  })
  .meta({ id: 'NewSavedView' });
export type SavedViewInput = z.infer<typeof savedViewInput>;

export const savedView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    query: z.string(),
    shared: z.boolean(),
    own: z.boolean(),
    ownerName: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'SavedView' });
export type SavedView = z.infer<typeof savedView>;

export const savedViewList = z.object({ items: z.array(savedView) }).meta({ id: 'SavedViewList' });
export const savedViewParams = z.object({ id: z.uuid() });
