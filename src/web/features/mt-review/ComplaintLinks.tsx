import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';

/** Complaint references as links to their case pages, inline. */
export function ComplaintLinks({ complaints }: { complaints: { id: string; reference: string }[] }) {
  if (complaints.length === 0) return <Text span>–</Text>;
  return (
    <Group gap="xs" component="span" wrap="wrap">
      {complaints.map((c) => (
        <Anchor key={c.id} component={Link} to={`/klachten/${c.id}`}>
          {c.reference}
        </Anchor>
      ))}
    </Group>
  );
}
