import { Anchor, Badge, Button, Group, Popover, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { formatDateTime } from '../people/format.ts';
import {
  fetchNotifications,
  markNotificationsRead,
  NOTIFICATION_POLL_MS,
  notificationsKey,
} from './notifications-api.ts';

/** The bell in the header: unread count (polled), the latest notifications, links to their complaints. */
export function NotificationBell() {
  const { t, locale, localize } = useI18n();
  const [opened, setOpened] = useState(false);
  const queryClient = useQueryClient();
  const user = useCurrentUser().data;
  const notifications = useQuery({
    queryKey: notificationsKey,
    queryFn: fetchNotifications,
    refetchInterval: NOTIFICATION_POLL_MS,
    // Until the second factor is set up the API answers nothing else; no point asking every 30 seconds.
    enabled: user !== undefined && user !== null && !user.mustEnrollSecondFactor,
  });
  const markRead = useMutation({
    mutationFn: markNotificationsRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={380}
      shadow="md"
      trapFocus
      returnFocus
      withinPortal
    >
      <Popover.Target>
        <Button
          variant="outline"
          size="sm"
          onClick={() => setOpened((o) => !o)}
          aria-label={t.notifications.bellLabel(unread)}
          data-testid="notification-bell"
          leftSection={<BellIcon />}
          rightSection={
            unread > 0 ? (
              <Badge color="red.9" size="sm" aria-hidden="true" data-testid="notification-unread">
                {unread}
              </Badge>
            ) : undefined
          }
        >
          {t.notifications.bell}
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label={t.notifications.title}>
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={700} component="h2" size="md" m={0}>
              {t.notifications.title}
            </Text>
            {unread > 0 && (
              <Button
                size="xs"
                variant="subtle"
                loading={markRead.isPending}
                onClick={() => markRead.mutate('all')}
              >
                {t.notifications.markAllRead}
              </Button>
            )}
          </Group>
          {notifications.isError && (
            <Text c="red.9" size="sm" role="alert">
              {describeApiError(notifications.error, locale, t)}
            </Text>
          )}
          {notifications.isPending && <Text size="sm">{t.app.loading}</Text>}
          {notifications.isSuccess && items.length === 0 && <Text size="sm">{t.notifications.empty}</Text>}
          {items.length > 0 && (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 360, overflowY: 'auto' }}>
              {items.map((item) => (
                <li
                  key={item.id}
                  style={{ borderTop: '1px solid #dee2e6', padding: '6px 0' }}
                  data-testid="notification-item"
                >
                  <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                    <div>
                      <Text size="sm" fw={item.readAt ? 400 : 700}>
                        {item.readAt ? '' : `${t.notifications.unreadMarker} `}
                        {localize(item.title)}
                      </Text>
                      {item.link && (
                        <Anchor
                          component={Link}
                          to={item.link}
                          size="sm"
                          onClick={() => {
                            if (!item.readAt) markRead.mutate([item.id]);
                            setOpened(false);
                          }}
                        >
                          {item.complaintReference ??
                            (item.complaintId ? t.notifications.complaint : t.notifications.open)}
                        </Anchor>
                      )}
                      <Text size="xs">{formatDateTime(item.createdAt, locale)}</Text>
                    </div>
                    {!item.readAt && (
                      <Button
                        size="compact-xs"
                        variant="outline"
                        onClick={() => markRead.mutate([item.id])}
                        aria-label={t.notifications.markReadOne(localize(item.title))}
                      >
                        {t.notifications.markRead}
                      </Button>
                    )}
                  </Group>
                </li>
              ))}
            </ul>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** A plain bell drawing: no icon font or emoji font needed. */
function BellIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}
