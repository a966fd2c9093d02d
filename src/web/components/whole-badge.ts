import type { BadgeProps } from '@mantine/core';

/**
 * Issue 22: a badge is never cut off ("Act…", "nog 6 w…"). Mantine's Badge truncates its label to one line with an
 * ellipsis; with these styles it keeps its words and, only when it is wider than its container, wraps them. Put
 * badges in a `Group` with `preventGrowOverflow={false}` (otherwise each child gets at most its share of the width).
 */
export const WHOLE_BADGE_STYLES = {
  root: {
    height: 'auto',
    minHeight: 'var(--badge-height)',
    maxWidth: '100%',
    paddingBlock: 2,
    textTransform: 'none',
  },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.35 },
} satisfies BadgeProps['styles'];
