import { Alert, Button, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { updateNotificationPreferencesInput } from '../../../contract/notifications.ts';
import {
  EMAIL_MODES,
  type EmailMode,
  NOTIFICATION_TOPICS,
  STAFF_NOTIFICATION_LOCALES,
} from '../../../domain/notification-preferences.ts';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError } from '../../lib/describe-error.ts';
import {
  fetchNotificationPreferences,
  notificationPreferencesKey,
  saveNotificationPreferences,
} from './notifications-api.ts';

type Choices = z.infer<typeof updateNotificationPreferencesInput>;
const INHERIT = '';

/** The account page's section (issue 22): how notifications reach me by e-mail, overall and per kind. */
export function NotificationPreferencesForm() {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const stored = useQuery({ queryKey: notificationPreferencesKey, queryFn: fetchNotificationPreferences });
  const [choices, setChoices] = useState<Choices | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (stored.data && choices === null)
      setChoices({ overall: stored.data.overall, byTopic: stored.data.byTopic, locale: stored.data.locale });
  }, [stored.data, choices]);
  const save = useMutation({
    mutationFn: saveNotificationPreferences,
    onSuccess: (data) => queryClient.setQueryData(notificationPreferencesKey, data),
  });

  if (stored.isError)
    return (
      <Text c="red.9" role="alert">
        {describeApiError(stored.error, locale, t)}
      </Text>
    );
  if (!stored.data || choices === null) return <Text>{t.app.loading}</Text>;
  const defaults = stored.data.defaults;
  const modeOptions = EMAIL_MODES.map((mode) => ({ value: mode, label: t.notifications.modes[mode] }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    save.reset();
    save.mutate(choices);
  };
  return (
    <>
      <ErrorSummary
        message={save.error ? describeApiError(save.error, locale, t) : undefined}
        fieldErrors={[]}
        attempt={attempt}
      />
      {save.isSuccess && (
        <Alert color="green.9" variant="outline" role="status" mb="md">
          {t.notifications.settingsSaved}
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text>{t.notifications.settingsIntro}</Text>
          <NativeSelect
            id="notification-locale"
            label={t.notifications.settingsLocale}
            value={choices.locale}
            onChange={(e) => setChoices({ ...choices, locale: e.currentTarget.value as Choices['locale'] })}
            data={STAFF_NOTIFICATION_LOCALES.map((l) => ({ value: l, label: t.notifications.locales[l] }))}
          />
          <NativeSelect
            id="notification-overall"
            label={t.notifications.settingsOverall}
            value={choices.overall ?? INHERIT}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setChoices({ ...choices, overall: value === INHERIT ? null : (value as EmailMode) });
            }}
            data={[{ value: INHERIT, label: t.notifications.overallDefault }, ...modeOptions]}
          />
          {NOTIFICATION_TOPICS.map((topic) => (
            <NativeSelect
              key={topic}
              id={`notification-topic-${topic}`}
              label={t.notifications.topics[topic]}
              value={choices.byTopic[topic] ?? INHERIT}
              onChange={(e) => {
                const value = e.currentTarget.value;
                const byTopic = { ...choices.byTopic };
                if (value === INHERIT) delete byTopic[topic];
                else byTopic[topic] = value as EmailMode;
                setChoices({ ...choices, byTopic });
              }}
              data={[
                {
                  value: INHERIT,
                  label: t.notifications.topicDefault(
                    t.notifications.modes[choices.overall ?? defaults[topic]],
                  ),
                },
                ...modeOptions,
              ]}
            />
          ))}
          <div>
            <Button type="submit" loading={save.isPending}>
              {t.notifications.settingsSave}
            </Button>
          </div>
        </Stack>
      </form>
    </>
  );
}
