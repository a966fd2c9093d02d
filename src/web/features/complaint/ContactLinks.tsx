import { Anchor } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';

/** Issue 22: a phone number and an e-mail address are links (`tel:`, `mailto:`), so one click calls or writes. */
export function ContactLinks({
  who,
  name,
  phone,
  email,
  extra = [],
}: {
  who: 'complainant' | 'representative';
  name: string | null;
  phone: string | null;
  email: string | null;
  extra?: (string | null)[];
}) {
  const parts: ReactNode[] = [];
  if (name) parts.push(name);
  if (phone)
    parts.push(
      <Anchor
        underline="always"
        href={`tel:${phone.replace(/[^\d+]/g, '')}`}
        data-testid={`${who}-phone`}
        style={{ whiteSpace: 'nowrap' }}
      >
        {phone}
      </Anchor>,
    );
  if (email)
    parts.push(
      <Anchor
        underline="always"
        href={`mailto:${email}`}
        data-testid={`${who}-email`}
        style={{ overflowWrap: 'anywhere' }}
      >
        {email}
      </Anchor>,
    );
  for (const text of extra) if (text) parts.push(text);
  return (
    <>
      {parts.map((part, index) => (
        // the parts are fixed in order: name, phone, e-mail, then the extras
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed, ordered list of at most a few parts
        <Fragment key={index}>
          {index > 0 && ' · '}
          {part}
        </Fragment>
      ))}
    </>
  );
}
