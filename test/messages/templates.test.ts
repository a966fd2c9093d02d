import { describe, expect, test } from 'vitest';
import { backoffDelay } from '../../src/server/modules/messages/outbox/outbox-worker.ts';
import { DEFAULT_TEMPLATES } from '../../src/server/modules/messages/templates/default-templates.ts';
import {
  LOCALES,
  MESSAGE_KINDS,
  type MessageKind,
} from '../../src/server/modules/messages/templates/message-kinds.ts';
import {
  exampleValues,
  placeholdersIn,
  renderTemplate,
  TemplateError,
  validateTemplate,
} from '../../src/server/modules/messages/templates/render-template.ts';
import { createTestApp } from '../support/app.ts';
import { createComplaintWorld, register } from '../support/complaint-world.ts';
import { createTestDatabase } from '../support/database.ts';
import { signInAs } from '../support/sessions.ts';
import { createStaffUser } from '../support/staff-factories.ts';

const KINDS = Object.keys(MESSAGE_KINDS) as MessageKind[];

describe('message templates', () => {
  test('every built-in template, Dutch and English, uses only its own placeholders and renders without braces', () => {
    for (const kind of KINDS) {
      for (const locale of LOCALES) {
        const template = DEFAULT_TEMPLATES[kind][locale];
        expect(validateTemplate(kind, template), `${kind}/${locale}`).toEqual([]);
        const rendered = renderTemplate(kind, template, exampleValues(kind) as never);
        expect(rendered.subject + rendered.bodyText).not.toMatch(/\{\{|\}\}/);
        expect(rendered.subject).not.toContain('\n');
      }
    }
  });

  test('letters to a tenant that answer a complaint mention the committee and the huurcommissie', () => {
    for (const kind of ['answer', 'stand_by_decision', 'last_response', 'committee_information'] as const) {
      for (const locale of LOCALES) {
        const body = renderTemplate(
          kind,
          DEFAULT_TEMPLATES[kind][locale],
          exampleValues(kind) as never,
        ).bodyText;
        expect(body, `${kind}/${locale}`).toContain('Regionale Klachtencommissie Maasland');
        expect(body, `${kind}/${locale}`).toContain(
          'Postbus 100, 2600 AC Delft\nhttps://www.klachtencommissie.example.nl',
        );
        expect(body, `${kind}/${locale}`).toContain('Huurcommissie');
      }
    }
  });

  test('a paragraph whose placeholders are all blank is left out: no label without its value', () => {
    const rendered = renderTemplate(
      'committee_information',
      {
        subject: '{{reference}}',
        body: 'Voorleggen aan de {{committeeName}}.\n\nZo bereikt u de commissie:\n{{committeeContact}}\n\nGroet',
      },
      { ...exampleValues('committee_information'), committeeContact: ' ' } as never,
    );
    expect(rendered.bodyText).toBe('Voorleggen aan de Regionale Klachtencommissie Maasland.\n\nGroet');
    // one value filled is enough to keep the paragraph, and text without placeholders always stays
    const kept = renderTemplate(
      'committee_information',
      { subject: 'x', body: 'Vast.\n\n{{committeeName}} {{committeeContact}}' },
      { ...exampleValues('committee_information'), committeeContact: '' } as never,
    );
    expect(kept.bodyText).toBe('Vast.\n\nRegionale Klachtencommissie Maasland');
  });

  test('an unknown placeholder, one from another message, or a stray brace is an error, not a blank', () => {
    expect(
      validateTemplate('acknowledgement', {
        subject: 'Klacht {{referense}}',
        body: 'Tekst {{answerText}} en }}',
      }),
    ).toMatchObject([
      { field: 'subject', code: 'unknown_placeholder', placeholder: 'referense' },
      { field: 'body', code: 'unbalanced_braces' },
      { field: 'body', code: 'placeholder_not_allowed', placeholder: 'answerText' },
    ]);
    expect(() =>
      renderTemplate(
        'acknowledgement',
        { subject: '{{nope}}', body: 'x' },
        exampleValues('acknowledgement') as never,
      ),
    ).toThrow(TemplateError);
    expect(placeholdersIn('a {{ reference }} b {{x}}')).toEqual(['reference', 'x']);
  });

  test('values are filled in once: a complainant writing {{reference}} in a text gets it back verbatim', () => {
    const rendered = renderTemplate('answer', { subject: 'Re: {{reference}}', body: '{{answerText}}' }, {
      ...exampleValues('answer'),
      answerText: 'U schreef {{reference}} — één keer',
    } as never);
    expect(rendered.bodyText).toBe('U schreef {{reference}} — één keer');
  });

  test('retries back off exponentially up to a ceiling', () => {
    expect([1, 2, 3, 4, 10].map((n) => backoffDelay(n, 30_000, 600_000))).toEqual([
      30_000, 60_000, 120_000, 240_000, 600_000,
    ]);
  });
});

describe('template administration with preview', async () => {
  const database = await createTestDatabase();
  const app = await createTestApp(database.app);
  const world = await createComplaintWorld(database.owner, app);
  const admin = await createStaffUser(database.owner, world.organization.id, {
    roles: ['employee', 'admin'],
  });
  const asAdmin = await signInAs(app, admin.email);

  test('lists every kind with placeholders and texts; only admins', async () => {
    const list = await asAdmin.request({ method: 'GET', url: '/api/admin/message-templates' });
    expect(list.statusCode).toBe(200);
    const templates = list.json();
    expect(templates.map((t: { kind: string }) => t.kind)).toEqual(KINDS);
    const ack = templates.find((t: { kind: string }) => t.kind === 'acknowledgement');
    expect(ack.texts.nl).toMatchObject({
      custom: false,
      subject: DEFAULT_TEMPLATES.acknowledgement.nl.subject,
    });
    expect(ack.placeholders.map((p: { name: string }) => p.name)).toContain('dueDate');
    expect(
      (await world.as.eva.request({ method: 'GET', url: '/api/admin/message-templates' })).statusCode,
    ).toBe(403);
  });

  test('preview fills in example values; an unknown placeholder is a 422 with the field named', async () => {
    const preview = await asAdmin.request({
      method: 'POST',
      url: '/api/admin/message-templates/acknowledgement/nl/preview',
      payload: { subject: 'Ontvangen: {{reference}}', body: 'Uiterlijk {{dueDate}}.' },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({
      subject: 'Ontvangen: K-2026-00042',
      bodyText: 'Uiterlijk 10 december 2026.',
    });

    const wrong = await asAdmin.request({
      method: 'PUT',
      url: '/api/admin/message-templates/acknowledgement/nl',
      payload: { subject: 'Ontvangen', body: 'Beste {{naam}}' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().errors).toMatchObject([{ in: 'body', path: 'body', code: 'unknown_placeholder' }]);
    const unknownKind = await asAdmin.request({
      method: 'PUT',
      url: '/api/admin/message-templates/love_letter/nl',
      payload: { subject: 'x', body: 'y' },
    });
    expect(unknownKind.statusCode).toBe(404);
  });

  test('a saved template is used for the next message; reset brings the built-in text back', async () => {
    const saved = await asAdmin.request({
      method: 'PUT',
      url: '/api/admin/message-templates/acknowledgement/nl',
      payload: {
        subject: 'Ontvangen: {{reference}}',
        body: 'Hallo {{recipientName}}, reactie vóór {{dueDate}}.',
      },
    });
    expect(saved.statusCode).toBe(204);
    const complaint = await register(world.as.eva, {
      channel: 'email',
      complainant: { name: 'Els Mail', relation: 'tenant', email: 'els@example.nl' },
      description: 'Klacht per e-mail.',
    });
    const [queued] = await database.owner
      .selectFrom('outbox_message')
      .select(['subject', 'body_text'])
      .where('complaint_id', '=', complaint.id)
      .execute();
    expect(queued?.subject).toBe(`Ontvangen: ${complaint.reference}`);
    expect(queued?.body_text).toMatch(/^Hallo Els Mail, reactie vóór \d+ \w+ \d{4}\.$/);

    expect(
      (await asAdmin.request({ method: 'DELETE', url: '/api/admin/message-templates/acknowledgement/nl' }))
        .statusCode,
    ).toBe(204);
    const list = (await asAdmin.request({ method: 'GET', url: '/api/admin/message-templates' })).json();
    expect(list.find((t: { kind: string }) => t.kind === 'acknowledgement').texts.nl.custom).toBe(false);
  });
});
