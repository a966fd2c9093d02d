import type { EmployeeResponseCause } from './repeat-complaint.ts';
import { fail, type Outcome, succeed } from './result.ts';
import type { Actor } from './roles.ts';

export type EmployeeRepeatEvent = Readonly<{
  employeeId: string;
  managerId: string;
  complaintId: string;
  cause: EmployeeResponseCause;
  at: Date;
}>;

export type EmployeeRepeatCount = Readonly<{
  employeeId: string;
  count: number;
  causes: Record<EmployeeResponseCause, number>;
}>;

/**
 * Employee-caused repeats per employee, for that employee's own manager only (policy 2.6: it
 * "weegt mee in de beoordeling van deze medewerker" — an HR matter, not a public statistic).
 */
export function countRepeatEventsPerEmployee(
  events: readonly EmployeeRepeatEvent[],
  viewer: Actor,
): Outcome<{ counts: EmployeeRepeatCount[] }, 'manager_only'> {
  if (viewer.role !== 'manager') return fail('manager_only'); // policy 2.6: the manager's view only
  const byEmployee = new Map<string, { count: number; causes: Record<EmployeeResponseCause, number> }>();
  for (const event of events) {
    if (event.managerId !== viewer.userId) continue;
    const entry = byEmployee.get(event.employeeId) ?? {
      count: 0,
      causes: { late: 0, no_answer: 0, poor_answer: 0 },
    };
    entry.count += 1;
    entry.causes[event.cause] += 1;
    byEmployee.set(event.employeeId, entry);
  }
  const counts = [...byEmployee].map(([employeeId, e]) => ({ employeeId, ...e }));
  return succeed({
    counts: counts.sort((a, b) => b.count - a.count || a.employeeId.localeCompare(b.employeeId)),
  });
}
