import type {
  Approval,
  CalendarSettings,
  ComplaintAction,
  ComplaintCategory,
  ComplaintEffect,
  ComplaintState,
  ComplaintSubject,
  IntakeChannel,
  NotAComplaintKind,
  OutsideProcedureGround,
  RepeatInput,
  Role,
  TimelineEventType,
} from '../../domain/index.ts';
import { decideTransition } from '../../domain/index.ts';
import type { Row } from './organization-generator.ts';
import type { Random } from './random.ts';

// The clock, state and timeline of one generated complaint. Every lifecycle step goes through the domain's
// whitelist and guards (decideTransition); side effects leave the same timeline entries the services write.

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export type Nature =
  | { outcome: 'complaint'; category: ComplaintCategory; subject: ComplaintSubject; subjectColumn: Row }
  | { outcome: 'not_a_complaint'; kind: NotAComplaintKind }
  | { outcome: 'outside_procedure'; ground: OutsideProcedureGround; referralDetail: string | null };

export type HistoryInput = {
  id: string;
  organizationId: string;
  channel: IntakeChannel;
  receivedAt: Date;
  registeredAt: Date;
  registeredBy: string;
  handlerId: string;
  handlerName: string;
  departmentManagerId: string;
  assistantIds: string[];
  complainantSurname: string;
  contractorName: string;
  nature: Nature;
  repeat: RepeatInput | null;
  /** The committee case on this matter, if one was referred before this complaint came in (policy 2.5 f). */
  precedentReference: string | null;
  suspectedCriminalOffence: boolean;
  legalId: string;
  boardId: string;
};

export type History = {
  state: ComplaintState;
  columns: Row;
  events: Row[];
  boardNotifications: Row[];
  version: number;
  lastEventAt: Date;
};

/** The next moment within office hours (about 08:00–17:00 Dutch time, Monday to Friday) at or after `t`. */
export function officeTime(t: Date, random: Random): Date {
  const d = new Date(t);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6 || d.getUTCHours() >= 15) {
    d.setUTCDate(d.getUTCDate() + 1);
    d.setUTCHours(7, 0, 0, 0);
  }
  if (d.getUTCHours() < 7) d.setUTCHours(7, 0, 0, 0);
  return new Date(d.getTime() + random.int(0, 90) * 60_000);
}

export class Simulation {
  state: ComplaintState;
  readonly columns: Row = {};
  readonly events: Row[] = [];
  readonly boardNotifications: Row[] = [];
  version = 1;
  clock: Date;
  stopped = false;
  private readonly input: HistoryInput;
  private readonly settings: CalendarSettings;
  private readonly now: Date;
  private readonly random: Random;

  constructor(
    input: HistoryInput,
    state: ComplaintState,
    settings: CalendarSettings,
    now: Date,
    random: Random,
  ) {
    this.input = input;
    this.state = state;
    this.settings = settings;
    this.now = now;
    this.random = random;
    this.clock = input.registeredAt;
  }

  /** Moves the clock on to office hours; false (and the history ends) when that lies after the reference date. */
  advance(minHours: number, maxHours: number): boolean {
    if (this.stopped) return false;
    const next = officeTime(
      new Date(this.clock.getTime() + this.random.int(minHours * 60, maxHours * 60) * 60_000),
      this.random,
    );
    if (next.getTime() > this.now.getTime()) {
      this.stopped = true;
      return false;
    }
    this.clock = next;
    return true;
  }

  /** `actor` null: the complainant (portal) or the system wrote it, as in the services. */
  event(type: TimelineEventType, actor: string | null, extra: Row = {}) {
    this.events.push({
      organization_id: this.input.organizationId,
      complaint_id: this.input.id,
      type,
      at: this.clock,
      actor_user_id: actor,
      contact_kind: null,
      contact_direction: null,
      summary: null,
      ...extra,
      payload: extra.payload ?? {},
    });
  }

  /** One lifecycle step through the domain's whitelist and guards; a refusal is a bug in the generator. */
  transition(
    action: ComplaintAction,
    actor: string,
    role: Role = 'employee',
    payload: Row = {},
    summary?: string,
  ) {
    const decided = decideTransition(this.state, action, {
      now: this.clock,
      actor: { userId: actor, role },
      settings: this.settings,
    });
    if (!decided.ok)
      throw new Error(`generator bug: ${action.type} refused (${decided.reason}) in ${this.state.status}`);
    this.state = decided.state;
    this.version += 1;
    this.event(action.type, actor, {
      payload: { from: decided.from, to: decided.to, policy: decided.policy, ...payload },
      ...(summary === undefined ? {} : { summary }),
    });
    this.effects(decided.effects, actor);
    return decided;
  }

  /** Mirrors carryOutEffects in the complaints module: each effect leaves its trace on the timeline. */
  effects(effects: readonly ComplaintEffect[], actor: string) {
    for (const effect of effects) {
      if (effect.type === 'notify_board') {
        this.boardNotifications.push({
          organization_id: this.input.organizationId,
          complaint_id: this.input.id,
          reason: 'suspected_criminal_offence',
          created_at: this.clock,
        });
        this.event('board_notified', actor, { payload: { reason: effect.reason } });
      } else if (effect.type === 'record_referral')
        this.event('referral_recorded', actor, { payload: { referral: effect.referral } });
      else if (effect.type === 'send_answer')
        this.event('answer_sent', actor, { payload: { recipients: effect.recipients } });
      else if (effect.type === 'send_explanation')
        this.event('explanation_sent', actor, { summary: effect.text });
      else if (effect.type === 'notify_complainant_of_extension')
        this.event('extension_notice_sent', actor, {
          summary: effect.text,
          payload: { dueAt: effect.dueAt.toISOString() },
        });
      else if (effect.type === 'put_on_management_team_agenda')
        this.event('put_on_management_team_agenda', actor, { payload: { finding: effect.finding } });
      else if (effect.type === 'request_legal_advice') this.event('legal_advice_requested', actor);
      else if (effect.type === 'consult_manager')
        this.event('manager_consulted', actor, { payload: { managerId: effect.managerId } });
      else if (effect.type === 'count_employee_repeat_event')
        this.event('employee_repeat_event', actor, {
          payload: { employeeId: effect.employeeId, cause: effect.cause },
        });
    }
  }

  /** Changes outside the whitelist (contacts, assessment, approvals) are plain updates, as in the service. */
  update(patch: Partial<ComplaintState>) {
    this.state = { ...this.state, ...patch };
    this.version += 1;
  }

  /** Mirrors addNote: a timeline entry, and the text joins what full-text search looks in. */
  note(text: string, actor: string) {
    this.columns.notes_text = `${(this.columns.notes_text as string | undefined) ?? ''}\n${text}`;
    this.version += 1;
    this.event('note_added', actor, { summary: text });
  }

  /** A complainant's message through the status portal, as insertComplainantEvent writes it. */
  complainantMessage(text: string) {
    this.event('complainant_message', null, { summary: text, payload: { via: 'portal' } });
  }

  /** The handler asks the manager first (requestApproval), then the manager gives it. */
  requestApproval(subject: string, handler: string, manager: string): boolean {
    this.event('approval_requested', handler, { payload: { subject, managerId: manager } });
    return this.advance(1, 24);
  }

  approval(byUserId: string, role: Role): Approval {
    return { byUserId, role, at: this.clock };
  }

  nowTime(): number {
    return this.now.getTime();
  }

  settingsOf(): CalendarSettings {
    return this.settings;
  }
}
