import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../src/contract/auth.ts';
import type { ComplaintDetail } from '../../src/contract/complaints.ts';
import * as domain from '../../src/domain/index.ts';
import {
  ALL_COMPLAINT_STATUSES,
  COMPLAINT_ACTION_PATHS,
  COMPLAINT_ACTION_TYPES,
  type ComplaintActionPath,
  type ComplaintActionType,
  getActionRule,
  isActionOffered,
  listActionStatuses,
  TRANSITIONS,
} from '../../src/domain/index.ts';
import { ACTION_ROUTES } from '../../src/server/modules/complaints/complaint-actions.routes.ts';
import {
  ACTION_RULES,
  type ActionKey,
  decideAvailability,
} from '../../src/web/features/complaint/action-catalogue.ts';
import { nl } from '../../src/web/i18n/messages.nl.ts';

// Issue 23: the action catalogue (src/domain/complaint-action-catalogue.ts) is the one place that says which step
// may happen in which status, by whom. The API's routes and the case page's buttons are checked against it here.

const from = (action: ComplaintActionType) =>
  [...new Set(TRANSITIONS.filter((r) => r.action === action).flatMap((r) => r.from))].sort();

/** Which API path carries each lifecycle step of the domain (some paths decide between several). */
const PATH_OF_STEP: Record<ComplaintActionType, ComplaintActionPath> = {
  accept_as_complaint: 'triage',
  refer_as_not_a_complaint: 'triage',
  decline_outside_procedure: 'triage',
  record_without_answer_duty: 'record-without-answer-duty',
  assign_handler: 'assign',
  extend_term: 'extensions',
  answer: 'answer',
  send_explanation: 'explanation',
  prepare_explanation_letter: 'explanation',
  record_letter_posted: 'letter-posted',
  refer_to_committee: 'committee',
  record_committee_reference: 'committee/reference',
  record_committee_ruling: 'committee/ruling',
  record_board_decision: 'committee/board-decision',
  record_committee_follow_up: 'committee/follow-up',
  close: 'close',
  withdraw: 'withdraw',
  flag_criminal_offence: 'criminal-offence',
  decide_board_track: 'board-track/decision',
};

describe('the action catalogue', () => {
  it('has exactly one API route per path, and no route outside it', () => {
    const routes = ACTION_ROUTES.map((r) => r.path);
    expect([...routes].sort()).toEqual([...COMPLAINT_ACTION_PATHS].sort());
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('has a case-page action for every path, with the catalogue’s own rule', () => {
    const webPaths = new Set(Object.values(ACTION_RULES).map((r) => r.path));
    expect([...webPaths].sort()).toEqual([...COMPLAINT_ACTION_PATHS].sort());
    for (const [key, rule] of Object.entries(ACTION_RULES)) {
      expect({ ...rule, path: undefined }, key).toEqual({ ...getActionRule(rule.path), path: undefined });
    }
  });

  it.each(COMPLAINT_ACTION_TYPES)(
    'the lifecycle step %s is carried by a path offered where the whitelist allows it',
    (step) => {
      const path = PATH_OF_STEP[step];
      expect(COMPLAINT_ACTION_PATHS).toContain(path);
      for (const status of from(step))
        expect(isActionOffered(path, status), `${path} in ${status}`).toBe(true);
    },
  );

  it.each(COMPLAINT_ACTION_PATHS)('%s: statuses, permission and guards are the domain’s', (path) => {
    const rule = getActionRule(path);
    expect(domain.COMPLAINT_PERMISSIONS).toContain(rule.permission);
    expect(rule.policy).toMatch(/^\d\.\d(, \d\.\d)*$/);
    // exactly one of the two ways to say when the step is offered
    expect(rule.lifecycle === undefined).not.toBe(rule.statuses === undefined);
    if (rule.lifecycle !== undefined)
      expect(listActionStatuses(path)).toEqual(
        ALL_COMPLAINT_STATUSES.filter((s) => from(rule.lifecycle as ComplaintActionType).includes(s)),
      );
    if (rule.statuses === 'any') expect(listActionStatuses(path)).toEqual([...ALL_COMPLAINT_STATUSES]);
    for (const guard of rule.guards)
      expect(typeof (domain as Record<string, unknown>)[guard], guard).toBe('function');
  });

  it('triage offers its three outcomes from the same statuses; an explanation and its letter too', () => {
    expect(from('refer_as_not_a_complaint')).toEqual(from('accept_as_complaint'));
    expect(from('decline_outside_procedure')).toEqual(from('accept_as_complaint'));
    for (const status of from('prepare_explanation_letter'))
      expect(from('send_explanation')).toContain(status);
  });

  it('policy 1.3, 2.3: assigning is the pick-up before triage plus the lifecycle’s reassignment', () => {
    expect(listActionStatuses('assign').sort()).toEqual(['new', ...from('assign_handler')].sort());
    expect(listActionStatuses('transfer')).toEqual(listActionStatuses('assign'));
  });
});

const MANAGER = '00000000-0000-4000-8000-000000000002';
const DEPARTMENT = '00000000-0000-4000-8000-0000000000d1';
/** Holds every role, so only the status (and the complaint's own facts) can stop an action. */
const everyone: CurrentUser = {
  id: MANAGER,
  name: 'x',
  email: 'x@example.nl',
  roles: [...domain.STAFF_ROLES],
  departmentId: DEPARTMENT,
  managedDepartmentIds: [DEPARTMENT],
  organizationId: '00000000-0000-4000-8000-0000000000aa',
  secondFactorEnabled: false,
  mustEnrollSecondFactor: false,
};

function complaintIn(status: domain.ComplaintStatus) {
  return {
    status,
    nextSteps: [],
    approvals: { waiting: [], proposedSubject: null },
    assessment: null,
    explanationLetter: null,
    handler: null,
    responsibleManager: { id: MANAGER, name: 'Sanne' },
    department: { id: DEPARTMENT, name: 'Klantcontact' },
    confidential: false,
    confidentialReason: null,
    subject: null,
    subjectEmployeeDepartmentId: null,
  } as unknown as ComplaintDetail;
}

// These also refuse for the complaint's facts with the status sentence (a repeat's record-only step, a letter).
const ALSO_BY_FACTS: ActionKey[] = ['triage', 'recordWithoutAnswerDuty', 'letterPosted', 'explanation'];

describe('the case page offers an action exactly in the statuses the domain allows', () => {
  const keys = (Object.keys(ACTION_RULES) as ActionKey[]).filter((k) => !ALSO_BY_FACTS.includes(k));
  it.each(ALL_COMPLAINT_STATUSES)('in status %s', (status) => {
    const statusReason = nl.complaint.disabled.status(nl.complaint.status[status]);
    for (const key of keys) {
      const availability = decideAvailability(key, complaintIn(status), everyone, nl);
      const refusedForStatus = !availability.enabled && availability.reason === statusReason;
      expect(refusedForStatus, `${key} in ${status}`).toBe(!isActionOffered(ACTION_RULES[key].path, status));
    }
  });
});
