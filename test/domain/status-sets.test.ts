import { describe, expect, it } from 'vitest';
import {
  ALL_COMPLAINT_STATUSES,
  APPROVAL_REQUEST_STATUSES,
  BOARD_TRACK_ENTRY_STATUSES,
  CLOSED_FOR_MESSAGES_STATUSES,
  COMPENSATION_STATUSES,
  COMPLAINT_STATUSES,
  type ComplaintStatus,
  ENDED_STATUSES,
  isStatusIn,
  isTermRunning,
  MONITORED_STATUSES,
  REASSIGNABLE_STATUSES,
  RESPONSIBILITY_OPEN_STATUSES,
  SATISFACTION_REQUEST_STATUSES,
  TERM_RUNNING_STATUSES,
} from '../../src/domain/index.ts';

// The named status sets, one row per status: which set it is in (policy clauses in status-sets.ts).
// biome-ignore format: a table, one row per status
const TABLE: [ComplaintStatus, { term: boolean; ended: boolean; reassign: boolean; approval: boolean; compensation: boolean; satisfaction: boolean; closedForMessages: boolean; open: boolean }][] = [
  ['new',                        { term: true,  ended: false, reassign: true,  approval: false, compensation: false, satisfaction: false, closedForMessages: false, open: true  }],
  ['in_progress',                { term: true,  ended: false, reassign: true,  approval: true,  compensation: true,  satisfaction: false, closedForMessages: false, open: true  }],
  ['answered',                   { term: false, ended: false, reassign: false, approval: false, compensation: true,  satisfaction: true,  closedForMessages: false, open: false }],
  ['with_committee',             { term: false, ended: false, reassign: false, approval: false, compensation: false, satisfaction: false, closedForMessages: false, open: true  }],
  ['closed',                     { term: false, ended: true,  reassign: false, approval: false, compensation: false, satisfaction: true,  closedForMessages: true,  open: false }],
  ['referred',                   { term: false, ended: true,  reassign: false, approval: false, compensation: false, satisfaction: false, closedForMessages: false, open: false }],
  ['declined_outside_procedure', { term: true,  ended: false, reassign: false, approval: true,  compensation: false, satisfaction: false, closedForMessages: false, open: true  }],
  ['withdrawn',                  { term: false, ended: true,  reassign: false, approval: false, compensation: false, satisfaction: false, closedForMessages: true,  open: false }],
  ['with_board',                 { term: false, ended: false, reassign: false, approval: false, compensation: false, satisfaction: false, closedForMessages: false, open: false }],
  ['merged',                     { term: false, ended: true,  reassign: false, approval: false, compensation: false, satisfaction: false, closedForMessages: true,  open: false }],
];

describe('the named status sets', () => {
  it('cover every status once in the table', () => {
    expect(TABLE.map(([s]) => s).sort()).toEqual(Object.keys(COMPLAINT_STATUSES).sort());
    expect([...ALL_COMPLAINT_STATUSES]).toEqual(Object.keys(COMPLAINT_STATUSES));
  });

  it.each(TABLE)('%s', (status, sets) => {
    expect(isTermRunning(status)).toBe(sets.term);
    expect(isStatusIn(TERM_RUNNING_STATUSES, status)).toBe(sets.term);
    expect(isStatusIn(ENDED_STATUSES, status)).toBe(sets.ended);
    expect(isStatusIn(MONITORED_STATUSES, status)).toBe(!sets.ended);
    expect(isStatusIn(REASSIGNABLE_STATUSES, status)).toBe(sets.reassign);
    expect(isStatusIn(APPROVAL_REQUEST_STATUSES, status)).toBe(sets.approval);
    expect(isStatusIn(COMPENSATION_STATUSES, status)).toBe(sets.compensation);
    expect(isStatusIn(SATISFACTION_REQUEST_STATUSES, status)).toBe(sets.satisfaction);
    expect(isStatusIn(CLOSED_FOR_MESSAGES_STATUSES, status)).toBe(sets.closedForMessages);
    expect(isStatusIn(RESPONSIBILITY_OPEN_STATUSES, status)).toBe(sets.open);
  });

  it('policy 2.5: a suspicion takes exactly the statuses whose term runs onto the board’s track', () => {
    expect([...BOARD_TRACK_ENTRY_STATUSES]).toEqual([...TERM_RUNNING_STATUSES]);
  });

  it('a stored status outside the list is in no set', () => {
    expect(isStatusIn(ALL_COMPLAINT_STATUSES, 'archived')).toBe(false);
  });
});
