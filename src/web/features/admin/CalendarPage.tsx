import {
  Button,
  Checkbox,
  CloseButton,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { CalendarSettingsView } from '../../../contract/reference-data.ts';
import { LIBERATION_DAY_MODES, type LiberationDayMode } from '../../../domain/calendar-settings.ts';
import { EntityForm, FormSection } from '../../components/forms/EntityForm.tsx';
import { SavedNotice } from '../../components/forms/FormNotices.tsx';
import { useEntityForm } from '../../components/forms/use-entity-form.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatDate, formatDateTime } from '../people/format.ts';
import { QueryState } from '../people/QueryState.tsx';
import { fetchCalendarSettings, fetchCalendarVersions, reviseCalendarSettings } from './admin-api.ts';

const settingsKey = ['calendar-settings'];

/** The working-day calendar of policy 2.3: term length, cut-off time, holidays and extra closing days. */
export function CalendarPage() {
  const { t } = useI18n();
  useDocumentTitle(t.admin.calendarTitle);
  const settings = useQuery({ queryKey: settingsKey, queryFn: fetchCalendarSettings });
  const versions = useQuery({ queryKey: [...settingsKey, 'versions'], queryFn: fetchCalendarVersions });
  return (
    <Stack gap="lg">
      <Title order={1}>{t.admin.calendarTitle}</Title>
      <Text>{t.admin.calendarIntro}</Text>
      <QueryState query={settings}>
        {(current) => <CalendarForm key={current.version} current={current} />}
      </QueryState>
      <section aria-labelledby="calendar-versions">
        <Title order={2} size="h3" id="calendar-versions" mb="sm">
          {t.admin.calendarVersions}
        </Title>
        <QueryState query={versions}>{(list) => <VersionTable versions={list} />}</QueryState>
      </section>
    </Stack>
  );
}

function CalendarForm({ current }: { current: CalendarSettingsView }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [newDay, setNewDay] = useState('');
  const form = useEntityForm({
    initial: {
      termWorkingDays: current.termWorkingDays as number | string,
      cutOffTime: current.cutOffTime,
      goodFridayIsDayOff: current.goodFridayIsDayOff,
      liberationDay: current.liberationDay,
      closingDays: current.closingDays,
    },
    fields: {
      termWorkingDays: { id: 'calendar-term', label: t.admin.termWorkingDays },
      cutOffTime: { id: 'calendar-cutoff', label: t.admin.cutOffTime },
      goodFridayIsDayOff: { id: 'calendar-good-friday', label: t.admin.goodFriday },
      liberationDay: { id: 'calendar-liberation', label: t.admin.liberationDay },
      closingDays: { id: 'calendar-new-closing-day', label: t.admin.closingDays },
    },
    toInput: (v) => ({ ...v, basedOnVersion: current.version, termWorkingDays: Number(v.termWorkingDays) }),
    submit: reviseCalendarSettings,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKey }),
  });
  const { closingDays } = form.values;
  const addDay = () => {
    if (newDay && !closingDays.includes(newDay))
      form.setValue('closingDays', [...closingDays, newDay].sort());
    setNewDay('');
  };
  const closingDaysError = form.error('closingDays');
  return (
    <FormSection id="calendar-current" title={t.admin.calendarCurrent(current.version)}>
      <EntityForm form={form}>
        <Stack gap="sm">
          <Group align="flex-start" wrap="wrap">
            <NumberInput
              id="calendar-term"
              label={t.admin.termWorkingDays}
              value={form.values.termWorkingDays}
              onChange={(value) => form.setValue('termWorkingDays', value)}
              min={1}
              max={60}
              w={200}
              error={form.error('termWorkingDays')}
            />
            <TextInput
              type="time"
              label={t.admin.cutOffTime}
              description={t.admin.cutOffHint}
              w={260}
              {...form.text('cutOffTime')}
            />
          </Group>
          <Checkbox label={t.admin.goodFriday} {...form.checkbox('goodFridayIsDayOff')} />
          <NativeSelect
            label={t.admin.liberationDay}
            data={LIBERATION_DAY_MODES.map((mode) => ({ value: mode, label: t.admin.liberationModes[mode] }))}
            w={360}
            {...form.text('liberationDay')}
            onChange={(event) =>
              form.setValue('liberationDay', event.currentTarget.value as LiberationDayMode)
            }
          />
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' }}>
              {t.admin.closingDays}
            </legend>
            {closingDays.length === 0 ? (
              <Text size="sm">{t.admin.noClosingDays}</Text>
            ) : (
              <List spacing={2} data-testid="closing-days">
                {closingDays.map((day) => (
                  <List.Item key={day}>
                    <Group gap={4}>
                      {formatDate(`${day}T12:00:00Z`, locale)}
                      <CloseButton
                        size="sm"
                        aria-label={t.admin.removeClosingDay(formatDate(`${day}T12:00:00Z`, locale))}
                        onClick={() =>
                          form.setValue(
                            'closingDays',
                            closingDays.filter((d) => d !== day),
                          )
                        }
                      />
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
            {closingDaysError && (
              <Text c="red.9" size="sm">
                {closingDaysError}
              </Text>
            )}
            <Group align="flex-end" mt="xs">
              <TextInput
                id="calendar-new-closing-day"
                type="date"
                label={t.admin.addClosingDay}
                value={newDay}
                onChange={(event) => setNewDay(event.currentTarget.value)}
              />
              <Button variant="outline" onClick={addDay} disabled={!newDay}>
                {t.admin.add}
              </Button>
            </Group>
          </fieldset>
          <Text size="sm">{t.admin.calendarSaveHint}</Text>
          <div>
            <Button type="submit" loading={form.isPending}>
              {t.admin.saveNewVersion}
            </Button>
          </div>
          {form.isSuccess && form.data && (
            <SavedNotice>{t.admin.calendarSaved(form.data.version)}</SavedNotice>
          )}
        </Stack>
      </EntityForm>
    </FormSection>
  );
}

function VersionTable({ versions }: { versions: CalendarSettingsView[] }) {
  const { t, locale } = useI18n();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped>
        <Table.Caption>{t.admin.calendarVersionsCaption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.admin.version}</Table.Th>
            <Table.Th scope="col">{t.admin.termWorkingDays}</Table.Th>
            <Table.Th scope="col">{t.admin.cutOffTime}</Table.Th>
            <Table.Th scope="col">{t.admin.closingDays}</Table.Th>
            <Table.Th scope="col">{t.admin.savedBy}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>{v.termWorkingDays}</Table.Td>
              <Table.Td>{v.cutOffTime}</Table.Td>
              <Table.Td>{v.closingDays.length}</Table.Td>
              <Table.Td>
                {formatDateTime(v.createdAt, locale)}
                {v.createdByName ? ` — ${v.createdByName}` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
