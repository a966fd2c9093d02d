import {
  Alert,
  Button,
  Checkbox,
  CloseButton,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { CalendarSettingsView } from '../../../contract/reference-data.ts';
import { LIBERATION_DAY_MODES, type LiberationDayMode } from '../../../domain/calendar-settings.ts';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { describeApiError, isFieldProblem } from '../../lib/describe-error.ts';
import { fieldErrorsFromProblem } from '../../lib/form-errors.ts';
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
  const [termWorkingDays, setTermWorkingDays] = useState<number | string>(current.termWorkingDays);
  const [cutOffTime, setCutOffTime] = useState(current.cutOffTime);
  const [goodFriday, setGoodFriday] = useState(current.goodFridayIsDayOff);
  const [liberationDay, setLiberationDay] = useState<LiberationDayMode>(current.liberationDay);
  const [closingDays, setClosingDays] = useState<string[]>(current.closingDays);
  const [newDay, setNewDay] = useState('');
  const save = useMutation({
    mutationFn: () =>
      reviseCalendarSettings({
        basedOnVersion: current.version,
        termWorkingDays: Number(termWorkingDays),
        cutOffTime,
        goodFridayIsDayOff: goodFriday,
        liberationDay,
        closingDays,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKey }),
  });
  const errors = save.error && isFieldProblem(save.error) ? fieldErrorsFromProblem(save.error) : {};
  const addDay = () => {
    if (newDay && !closingDays.includes(newDay)) setClosingDays([...closingDays, newDay].sort());
    setNewDay('');
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="calendar-current" maw={760}>
      <Title order={2} size="h3" id="calendar-current" mb="sm">
        {t.admin.calendarCurrent(current.version)}
      </Title>
      {save.isError && !isFieldProblem(save.error) && (
        <Alert color="red.9" variant="outline" role="alert" mb="sm">
          {describeApiError(save.error, locale, t)}
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Group align="flex-start" wrap="wrap">
            <NumberInput
              id="calendar-term"
              label={t.admin.termWorkingDays}
              value={termWorkingDays}
              onChange={setTermWorkingDays}
              min={1}
              max={60}
              w={200}
              error={errors.termWorkingDays?.[locale]}
            />
            <TextInput
              id="calendar-cutoff"
              type="time"
              label={t.admin.cutOffTime}
              description={t.admin.cutOffHint}
              value={cutOffTime}
              onChange={(event) => setCutOffTime(event.currentTarget.value)}
              w={260}
              error={errors.cutOffTime?.[locale]}
            />
          </Group>
          <Checkbox
            id="calendar-good-friday"
            label={t.admin.goodFriday}
            checked={goodFriday}
            onChange={(event) => setGoodFriday(event.currentTarget.checked)}
          />
          <NativeSelect
            id="calendar-liberation"
            label={t.admin.liberationDay}
            value={liberationDay}
            onChange={(event) => setLiberationDay(event.currentTarget.value as LiberationDayMode)}
            data={LIBERATION_DAY_MODES.map((mode) => ({ value: mode, label: t.admin.liberationModes[mode] }))}
            w={360}
            error={errors.liberationDay?.[locale]}
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
                        onClick={() => setClosingDays(closingDays.filter((d) => d !== day))}
                      />
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
            {errors.closingDays && (
              <Text c="red.9" size="sm">
                {errors.closingDays[locale]}
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
            <Button type="submit" loading={save.isPending}>
              {t.admin.saveNewVersion}
            </Button>
          </div>
          {save.isSuccess && (
            <Alert color="#1b5e20" variant="outline" role="status">
              {t.admin.calendarSaved(save.data.version)}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
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
