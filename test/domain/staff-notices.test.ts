import { describe, expect, test } from 'vitest';
import {
  type ChangeFacts,
  DEFAULT_NOTIFICATION_PREFERENCES,
  emailModeFor,
  noticesForChange,
  topicOf,
} from '../../src/domain/index.ts';

const complaint = { id: 'c1', version: 4, channel: 'phone', handlerId: 'eva', departmentId: 'wonen' };
const facts = (over: Partial<ChangeFacts>): ChangeFacts => ({
  complaint,
  events: [],
  cause: 'change',
  actorUserId: 'mia',
  approvalRequesterId: null,
  ...over,
});

describe('who hears of a change (issue 22)', () => {
  test('an assignment tells the new handler and the previous one, never the actor', () => {
    const events = [{ type: 'assign_handler', payload: { handlerId: 'anna', previousHandlerId: 'eva' } }];
    expect(noticesForChange(facts({ events }))).toEqual([
      { kind: 'assigned', to: 'user', userId: 'anna', dedupeKey: 'assigned:c1:v4' },
      { kind: 'reassigned_away', to: 'user', userId: 'eva', dedupeKey: 'reassigned_away:c1:v4' },
    ]);
    expect(noticesForChange(facts({ events, actorUserId: 'anna' })).map((n) => n.kind)).toEqual([
      'reassigned_away',
    ]);
    const pickUp = [{ type: 'assign_handler', payload: { handlerId: 'eva', previousHandlerId: null } }];
    expect(noticesForChange(facts({ events: pickUp, actorUserId: 'eva' }))).toEqual([]);
    const again = [{ type: 'assign_handler', payload: { handlerId: 'anna', previousHandlerId: 'anna' } }];
    expect(noticesForChange(facts({ events: again }))).toEqual([]);
  });

  test('approvals: the request to the named manager, the answer to who asked', () => {
    const requested = [{ type: 'approval_requested', payload: { managerId: 'mia' } }];
    expect(noticesForChange(facts({ events: requested, actorUserId: 'eva' })).map((n) => n.kind)).toEqual([
      'approval_requested',
    ]);
    for (const type of ['approval_given', 'approval_refused'] as const)
      expect(noticesForChange(facts({ events: [{ type }], approvalRequesterId: 'eva' }))).toEqual([
        { kind: type, to: 'user', userId: 'eva', dedupeKey: `${type}:c1:v4` },
      ]);
  });

  test('registration: a web or e-mail complaint without handler goes to its queue; a phone one does not', () => {
    const unassigned = { ...complaint, handlerId: null };
    for (const channel of ['web', 'email'])
      expect(
        noticesForChange(
          facts({ cause: 'registration', actorUserId: null, complaint: { ...unassigned, channel } }),
        ),
      ).toEqual([
        { kind: 'new_in_queue', to: 'department', departmentId: 'wonen', dedupeKey: 'new_in_queue:c1' },
      ]);
    expect(noticesForChange(facts({ cause: 'registration', complaint: unassigned }))).toEqual([]);
    // registered for someone else: they are told
    expect(noticesForChange(facts({ cause: 'registration' })).map((n) => n.kind)).toEqual(['assigned']);
  });
});

describe('e-mail mode', () => {
  test('a topic choice wins over the overall one, which wins over the default', () => {
    expect(topicOf('due_today')).toBe('term_warning');
    expect(topicOf('approval_refused')).toBe('approval_decided');
    expect(topicOf('something_new')).toBe('other');
    const none = DEFAULT_NOTIFICATION_PREFERENCES;
    expect(emailModeFor('assigned', none)).toBe('immediate');
    expect(emailModeFor('due_today', none)).toBe('digest');
    const overall = { ...none, overall: 'off' as const };
    expect(emailModeFor('assigned', overall)).toBe('off');
    expect(emailModeFor('assigned', { ...overall, byTopic: { assignment: 'digest' } })).toBe('digest');
  });
});
