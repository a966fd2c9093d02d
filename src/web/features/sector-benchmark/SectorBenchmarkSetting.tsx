import { Button, Checkbox, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type SectorBenchmarkChoice, sectorBenchmarkChoice } from '../../../contract/sector-benchmark.ts';
import { EntityForm, FormSection } from '../../components/forms/EntityForm.tsx';
import { SavedNotice } from '../../components/forms/FormNotices.tsx';
import { useEntityForm } from '../../components/forms/use-entity-form.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { QueryState } from '../people/QueryState.tsx';
import { fetchSectorBenchmarkChoice, saveSectorBenchmarkChoice, sectorKeys } from './sector-benchmark-api.ts';

/** Issue 24: the administrator opts the corporation in to or out of the anonymised sector benchmark. */
export function SectorBenchmarkSetting() {
  const { t } = useI18n();
  const s = t.sectorBenchmark;
  const choice = useQuery({ queryKey: sectorKeys.choice, queryFn: fetchSectorBenchmarkChoice });
  return (
    <FormSection id="sector-benchmark-setting" title={s.settingTitle}>
      <QueryState query={choice}>{(current) => <ChoiceForm current={current} />}</QueryState>
    </FormSection>
  );
}

function ChoiceForm({ current }: { current: SectorBenchmarkChoice }) {
  const { t } = useI18n();
  const s = t.sectorBenchmark;
  const queryClient = useQueryClient();
  const form = useEntityForm({
    initial: { optedIn: current.optedIn },
    fields: { optedIn: { id: 'sector-benchmark-opt-in', label: s.settingLabel } },
    toInput: (values) => ({ optedIn: values.optedIn }),
    schema: sectorBenchmarkChoice,
    submit: saveSectorBenchmarkChoice,
    onSuccess: (saved) => {
      queryClient.setQueryData(sectorKeys.choice, saved);
      void queryClient.invalidateQueries({ queryKey: ['sector-benchmark'] });
    },
  });
  return (
    <>
      {form.isSuccess && <SavedNotice mb="sm">{s.saved}</SavedNotice>}
      <EntityForm form={form}>
        <Stack gap="sm">
          <Text>{s.settingIntro}</Text>
          <Checkbox label={s.settingLabel} {...form.checkbox('optedIn')} />
          <div>
            <Button type="submit" loading={form.isPending}>
              {t.adminScreens.save}
            </Button>
          </div>
        </Stack>
      </EntityForm>
    </>
  );
}
