import type { Random } from './random.ts';

// The three sizes of issue 13: one small corporation, one large one, and every Dutch corporation together.

export type ScaleName = 'small' | 'medium' | 'national';
export const SCALE_NAMES: readonly ScaleName[] = ['small', 'medium', 'national'];

export type OrganizationPlan = Readonly<{ index: number; homes: number; complaints: number }>;

export type Scale = Readonly<{
  name: ScaleName;
  /** Years of complaints before the reference date. */
  years: number;
  plan: (random: Random) => OrganizationPlan[];
}>;

/** ≈ 2.4 million homes over 280 corporations, a few very large and many small (like the real sector). */
function planNational(random: Random): OrganizationPlan[] {
  const corporations = 280;
  const totalHomes = 2_400_000;
  const totalComplaints = 1_000_000;
  const weights = Array.from(
    { length: corporations },
    (_, i) => (1 / (i + 8)) ** 0.9 * (0.8 + random.next() * 0.4),
  );
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w, index) => ({
    index,
    homes: Math.max(300, Math.round((w / sum) * totalHomes)),
    complaints: Math.max(20, Math.round((w / sum) * totalComplaints)),
  }));
}

export const SCALES: Record<ScaleName, Scale> = {
  small: { name: 'small', years: 3, plan: () => [{ index: 0, homes: 3_000, complaints: 400 }] },
  medium: { name: 'medium', years: 3, plan: () => [{ index: 0, homes: 80_000, complaints: 25_000 }] },
  // Five years are kept (issue 13): ≈ 1 million complaints with ≈ 10 million timeline events.
  national: { name: 'national', years: 5, plan: planNational },
};
