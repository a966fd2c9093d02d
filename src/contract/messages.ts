import { z } from 'zod';
import { localizedText } from './problem.ts';

export const outboxStatus = z.enum(['pending', 'sending', 'sent', 'failed', 'cancelled', 'to_post']);

export const outboxListQuery = z.object({
  status: outboxStatus.optional(),
  complaintId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const outboxMessage = z
  .object({
    id: z.uuid(),
    complaintId: z.uuid().nullable(),
    kind: z.string(),
    /** What the kind means, for people (issue 22: no raw codes on screen). */
    kindLabel: localizedText,
    to: z.array(z.string()),
    cc: z.array(z.string()),
    subject: z.string(),
    status: outboxStatus,
    attempts: z.number().int(),
    nextAttemptAt: z.iso.datetime(),
    lastError: z.string().nullable(),
    providerMessageId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
    /**
     * The message is about a complaint the reader may not open (issue 20): complaint, addresses, subject,
     * error and text are left out; kind, status, attempts and dates remain.
     */
    redacted: z.boolean(),
  })
  .meta({ id: 'OutboxMessage' });

export const outboxMessageDetail = outboxMessage
  .extend({ bodyText: z.string() })
  .meta({ id: 'OutboxMessageDetail' });

export const templateLocale = z.enum(['nl', 'en']);

export const templateText = z.object({
  subject: z.string().trim().min(1).max(500),
  body: z.string().trim().min(1).max(20_000),
});

export const messageTemplate = z
  .object({
    kind: z.string(),
    label: localizedText,
    audience: z
      .enum(['complainant', 'staff', 'composer'])
      .describe(
        '`composer`: a standard text an officer starts an answer from (issue 22); `subject` is its name',
      ),
    placeholders: z.array(z.object({ name: z.string(), description: localizedText })),
    texts: z.object({
      nl: templateText.extend({ custom: z.boolean() }),
      en: templateText.extend({ custom: z.boolean() }),
    }),
  })
  .meta({ id: 'MessageTemplate' });

export const templatePreview = z
  .object({ subject: z.string(), bodyText: z.string() })
  .meta({ id: 'MessageTemplatePreview' });

const answerRecipient = z.object({
  role: z.enum(['complainant', 'manager', 'management_assistant']),
  name: z.string(),
  email: z.string(),
});

export const answerPreview = z
  .object({
    delivery: z.enum(['email', 'post']),
    to: z.array(answerRecipient),
    cc: z.array(answerRecipient),
    recipientProblem: z.string().nullable(),
    subject: z.string(),
    bodyText: z.string(),
  })
  .meta({ id: 'AnswerPreview' });

export const letterToPost = z
  .object({
    complaintId: z.uuid(),
    letterId: z
      .uuid()
      .nullable()
      .describe(
        'An acknowledgement or progress letter (issue 21): record its posting with POST /api/letters/{letterId}/posted. Null for an explanation.',
      ),
    reference: z.string(),
    kind: z
      .enum(['explanation', 'progress', 'acknowledgement'])
      .describe(
        'explanation: policy 2.5; progress: a step told to a complainant without e-mail (issue 21); ' +
          'acknowledgement: the acknowledgement of receipt with QR code and case code (policy 2.1, issue 21).',
      ),
    recipientName: z.string().nullable(),
    handlerName: z.string().nullable(),
    preparedAt: z.iso.datetime(),
    dueAt: z.iso.datetime(),
    letterUrl: z.string().describe('The letter as PDF (window envelope).'),
  })
  .meta({ id: 'LetterToPost' });

export const lettersToPost = z.object({ items: z.array(letterToPost) }).meta({
  id: 'LettersToPost',
  description:
    'policy 2.5: explanation letters prepared for complainants without e-mail and not yet posted, and (issue 21) ' +
    'their acknowledgement and progress letters (received, assigned, extended, committee, withdrawn, reopened, closed, ' +
    'referred), oldest first. ' +
    'Management assistants see every letter they may see; others the letters of complaints they handle.',
});
export type LetterToPost = z.infer<typeof letterToPost>;

export const progressLetterPosted = z.object({ letterId: z.uuid(), postedOn: z.iso.date() }).meta({
  id: 'ProgressLetterPosted',
  description: 'Issue 21: the progress letter went into the post on this day.',
});

/** Issue 22: the answer an officer is writing, kept as a draft of their own (per complaint and author). */
export const draftInput = z.object({
  text: z.string().max(50_000),
  templateKind: z
    .string()
    .regex(/^[a-z_]{2,60}$/)
    .nullish()
    .describe('The standard text the officer started from, if any'),
});

export const savedDraft = z
  .object({
    text: z.string(),
    templateKind: z.string().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Draft' });

export const answerComposer = z
  .object({
    templates: z
      .array(z.object({ kind: z.string(), name: z.string(), text: z.string() }))
      .describe(
        "The organisation's standard texts, filled in for this complaint (no salutation, no sign-off)",
      ),
    values: z.object({
      outcome: z.string().nullable().describe("The assessment's verdict as the complainant reads it"),
      compensation: z.string().nullable().describe('Compensation the manager approved, formatted'),
    }),
    draft: savedDraft.nullable().describe("The caller's own draft; nobody else's is ever shown"),
  })
  .meta({ id: 'AnswerComposer' });
