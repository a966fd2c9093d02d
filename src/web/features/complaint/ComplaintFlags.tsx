import { Badge, Group } from '@mantine/core';
import type { ComplaintDetail } from '../../../contract/complaints.ts';
import { CONFIDENTIALITY_REASONS } from '../../../domain/index.ts';
import { WHOLE_BADGE_STYLES } from '../../components/whole-badge.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The status and the flags of a complaint, each badge whole (issue 22: never "Act…"): the group does not cap its
 * children's width, a badge wraps its words only when it is wider than the header.
 */
export function ComplaintFlags({ complaint }: { complaint: ComplaintDetail }) {
  const { t, locale } = useI18n();
  const legal = complaint.repeat?.requirements?.legalAdvice === true;
  return (
    <Group gap="xs" mt={4} preventGrowOverflow={false}>
      <Badge
        variant="light"
        color="gehoord"
        size="lg"
        data-testid="complaint-status"
        styles={WHOLE_BADGE_STYLES}
      >
        {t.complaint.status[complaint.status]}
      </Badge>
      {complaint.confidential && (
        <Badge color="gray.8" variant="outline" data-testid="confidential-badge" styles={WHOLE_BADGE_STYLES}>
          {t.complaint.flags.confidential}
          {complaint.confidentialReason
            ? `: ${CONFIDENTIALITY_REASONS[complaint.confidentialReason.code][locale]}`
            : ''}
        </Badge>
      )}
      {complaint.criminalSuspicion && (
        <Badge color="red.9" variant="outline" styles={WHOLE_BADGE_STYLES}>
          {t.complaint.flags.criminal}
        </Badge>
      )}
      {complaint.repeat && (
        <Badge color="#8a4500" variant="outline" styles={WHOLE_BADGE_STYLES}>
          {t.complaint.flags.repeat(complaint.repeat.rungLabel)}
        </Badge>
      )}
      {legal && (
        <Badge color="violet.9" variant="outline" styles={WHOLE_BADGE_STYLES}>
          {t.complaint.flags.legal}
        </Badge>
      )}
      {complaint.writtenOnlyReason && (
        <Badge color="gray.8" variant="outline" styles={WHOLE_BADGE_STYLES}>
          {t.complaint.flags.writtenOnly}
        </Badge>
      )}
    </Group>
  );
}
