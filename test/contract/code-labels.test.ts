import { describe, expect, it } from 'vitest';
import { AUTH_EVENT_TYPES } from '../../src/contract/audit.ts';
import { REMINDER_KINDS, TIMELINE_EVENT_TYPES } from '../../src/domain/index.ts';
import { notificationTitle } from '../../src/server/modules/notifications/kinds/notification-kinds.ts';
import { CODE_CATALOGUES, labelOf } from '../../src/web/i18n/code-labels.ts';
import { en } from '../../src/web/i18n/messages.en.ts';
import { nl } from '../../src/web/i18n/messages.nl.ts';

// Issue 22: no code reaches the screen raw. Every value of every code list the web shows has a label in both
// languages, and a label is words, not the code again.
const SNAKE_CASE = /\b[a-z]+(_[a-z]+)+\b/;

describe('code labels', () => {
  for (const catalogue of CODE_CATALOGUES) {
    for (const [language, messages] of [
      ['nl', nl],
      ['en', en],
    ] as const) {
      it(`every ${catalogue.name} has a ${language} label`, () => {
        const labels = catalogue.labels(messages);
        const missing = catalogue.codes.filter(
          (code) => !Object.hasOwn(labels, code) || typeof labels[code] !== 'string' || labels[code] === '',
        );
        expect(missing, `${catalogue.name} without a ${language} label`).toEqual([]);
        const raw = catalogue.codes.filter(
          (code) => SNAKE_CASE.test(labels[code] ?? '') || labels[code] === code,
        );
        expect(raw, `${catalogue.name} labels that are still codes`).toEqual([]);
      });
    }
  }

  it('covers the timeline and the audit log, including the codes of issue 22', () => {
    const codes = (name: string) => CODE_CATALOGUES.find((c) => c.name === name)?.codes ?? [];
    expect(codes('timeline event')).toEqual(TIMELINE_EVENT_TYPES);
    expect(codes('audit event')).toEqual(AUTH_EVENT_TYPES);
    expect(nl.complaint.event.message_sent).toBe('E-mail verstuurd');
    expect(en.complaint.event.portal_intake).toMatch(/website/);
    expect(nl.complaint.event.complainant_message).toBe('Bericht van de klager');
    expect(nl.admin.auditEvent.login_succeeded).toBe('Ingelogd');
  });

  it('shows an unknown code as words, never as a code', () => {
    expect(labelOf(nl.complaint.event, 'answer_sent')).toBe('Antwoord verstuurd');
    expect(labelOf(nl.complaint.event, 'something_new_later')).toBe('something new later');
    expect(labelOf(nl.complaint.event, 'toString')).toBe('toString');
  });

  it('names notifications in words: every reminder kind, and an unknown kind without underscores', () => {
    for (const kind of Object.keys(REMINDER_KINDS)) {
      const title = notificationTitle(kind);
      expect(SNAKE_CASE.test(title.nl) || SNAKE_CASE.test(title.en), kind).toBe(false);
    }
    expect(notificationTitle('message_failed').nl).toMatch(/^E-mail kon niet/);
    expect(notificationTitle('some_new_kind')).toEqual({ nl: 'some new kind', en: 'some new kind' });
  });
});
