import { Alert } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { LoadingScreen } from '../../components/LoadingScreen.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { describeApiError } from '../../lib/describe-error.ts';

/** The loading and error states every screen needs, around what to show once the data is there. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const { t, locale } = useI18n();
  if (query.isPending) return <LoadingScreen />;
  if (query.isError)
    return (
      <Alert
        color="red.9"
        variant="outline"
        title={isApiError(query.error, 'not_found') ? t.people.notFound : t.app.errorSummaryTitle}
        role="alert"
      >
        {describeApiError(query.error, locale, t)}
      </Alert>
    );
  return <>{children(query.data)}</>;
}

/** Label–value pairs as a description list. */
export function DetailList({ items }: { items: [label: string, value: ReactNode][] }) {
  return (
    <dl
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(8rem, max-content) 1fr',
        gap: '0.25rem 1rem',
        margin: 0,
      }}
    >
      {items.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt style={{ fontWeight: 600 }}>{label}</dt>
          <dd style={{ margin: 0 }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
