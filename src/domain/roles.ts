// Who is who in the policy (README "Who uses it"); Dutch names are what users see.
export const ROLE_NAMES = {
  complainant: 'huurder',
  employee: 'medewerker',
  manager: 'leidinggevende',
  management_assistant: 'managementassistent',
  management_team: 'MT',
  board: 'directie',
  legal: 'jurist',
  admin: 'beheerder',
  privacy_officer: 'functionaris gegevensbescherming',
} as const;
export type Role = keyof typeof ROLE_NAMES;

export type Actor = Readonly<{ userId: string; role: Role }>;

/** A recorded approval or decision: who, in which role, when. */
export type Approval = Readonly<{ byUserId: string; role: Role; at: Date }>;

/** An approval counts only when given by a manager — and, when one is named, by that manager personally. */
export function isManagerApproval(
  approval: Approval | null,
  requiredManagerId: string | null = null,
): boolean {
  if (approval === null || approval.role !== 'manager') return false;
  return requiredManagerId === null || approval.byUserId === requiredManagerId;
}
