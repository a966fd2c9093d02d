import type { ComplaintDetail } from '../../../contract/complaints.ts';
import { type ComplaintActionPath, chooseUpFrontActions } from '../../../domain/index.ts';
import { ACTION_ORDER, ACTION_RULES, type ActionKey, type Availability } from './action-catalogue.ts';

/**
 * Splits the case page's actions (issue 22): the domain chooses the up-front ones (at most five, available now,
 * fitting the next step); the rest go under "Meer acties", available first, then the unavailable with their reason.
 * Two buttons share the path `assign` ("Zelf oppakken", "Toewijzen"): up front is the first one this user can take.
 */
export function splitActions(
  complaint: ComplaintDetail,
  availability: (key: ActionKey) => Availability,
): { upFront: ActionKey[]; more: ActionKey[] } {
  const enabled = new Set(ACTION_ORDER.filter((key) => availability(key).enabled));
  const keyFor = (path: ComplaintActionPath) =>
    ACTION_ORDER.find((key) => ACTION_RULES[key].path === path && enabled.has(key));
  const paths = chooseUpFrontActions(
    complaint.status,
    complaint.nextSteps.map((step) => step.code),
    (path) => keyFor(path) !== undefined,
  );
  const upFront = paths.map(keyFor).filter((key): key is ActionKey => key !== undefined);
  const rest = ACTION_ORDER.filter((key) => !upFront.includes(key));
  return {
    upFront,
    more: [...rest.filter((key) => enabled.has(key)), ...rest.filter((key) => !enabled.has(key))],
  };
}
