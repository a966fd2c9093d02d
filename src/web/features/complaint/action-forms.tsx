import type { ComponentType } from 'react';
import type { ActionKey } from './action-catalogue.ts';
import { AnswerForm } from './forms/AnswerForm.tsx';
import { ApproveForm, RefuseApprovalForm, RequestApprovalForm } from './forms/ApprovalForms.tsx';
import { AssessmentForm } from './forms/AssessmentForm.tsx';
import { AssignForm, PickUpForm } from './forms/AssignForm.tsx';
import { BoardTrackDecisionForm } from './forms/BoardTrackForms.tsx';
import {
  BoardDecisionForm,
  CommitteeFollowUpForm,
  CommitteeRulingForm,
  CompensationPaidForm,
} from './forms/CommitteeForms.tsx';
import { ComplainantLocaleForm } from './forms/ComplainantLocaleForm.tsx';
import { LiftConfidentialityForm, MarkConfidentialForm } from './forms/ConfidentialityForms.tsx';
import {
  CloseForm,
  CommitteeForm,
  CriminalOffenceForm,
  ExplanationForm,
  RecordWithoutAnswerDutyForm,
} from './forms/ConfirmForms.tsx';
import { ExtensionForm } from './forms/ExtensionForm.tsx';
import type { ActionFormProps } from './forms/form-props.ts';
import { HousingComplexForm } from './forms/HousingComplexForm.tsx';
import { MergeForm } from './forms/MergeForm.tsx';
import { LetterPostedForm, PolicyFindingForm } from './forms/PathForms.tsx';
import {
  CommitteeReferenceForm,
  ContactForm,
  LegalAdviceForm,
  NoteForm,
  WithdrawForm,
  WrittenOnlyForm,
} from './forms/TextActionForms.tsx';
import { TransferForm } from './forms/TransferForm.tsx';
import { TriageForm } from './forms/TriageForm.tsx';

/** The form behind each action button. */
export const ACTION_FORMS: Record<ActionKey, ComponentType<ActionFormProps & { userId: string }>> = {
  triage: TriageForm,
  recordWithoutAnswerDuty: RecordWithoutAnswerDutyForm,
  assign: AssignForm,
  pickUp: PickUpForm,
  transfer: TransferForm,
  contact: ContactForm,
  note: NoteForm,
  writtenOnly: WrittenOnlyForm,
  assessment: AssessmentForm,
  requestApproval: RequestApprovalForm,
  approve: ApproveForm,
  refuseApproval: RefuseApprovalForm,
  legalAdvice: LegalAdviceForm,
  compensationPaid: CompensationPaidForm,
  extension: ExtensionForm,
  answer: AnswerForm,
  explanation: ExplanationForm,
  close: CloseForm,
  withdraw: WithdrawForm,
  merge: MergeForm,
  criminalOffence: CriminalOffenceForm,
  markConfidential: MarkConfidentialForm,
  liftConfidential: LiftConfidentialityForm,
  committee: CommitteeForm,
  committeeReference: CommitteeReferenceForm,
  committeeRuling: CommitteeRulingForm,
  boardDecision: BoardDecisionForm,
  committeeFollowUp: CommitteeFollowUpForm,
  boardTrackDecision: BoardTrackDecisionForm,
  changeComplex: HousingComplexForm,
  changeLanguage: ComplainantLocaleForm,
  policyFinding: PolicyFindingForm,
  letterPosted: LetterPostedForm,
};
