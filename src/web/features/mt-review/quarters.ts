import { toLocalDate } from '../../../domain/business-time.ts';
import { isQuarter, type Quarter, quarterOfDay, quarterRange } from '../../../domain/learning.ts';
import { appNow } from '../../lib/app-clock.ts';

export { isQuarter };

/** The quarter today falls in, on the corporation's calendar (Amsterdam). */
export const currentQuarter = (now = appNow()): Quarter => quarterOfDay(toLocalDate(now));

/** The MT usually reviews a quarter just after it ends. */
export function previousQuarter(quarter: Quarter): Quarter {
  const { from } = quarterRange(quarter);
  const [year, month] = from.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-Q4` : quarterOfDay(`${year}-${String(month - 3).padStart(2, '0')}-01`);
}

export const today = () => toLocalDate(appNow());
