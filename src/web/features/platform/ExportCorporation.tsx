import { Button, FileInput, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import { startExportInput } from '../../../contract/platform.ts';
import { EntityForm, FormSection } from '../../components/forms/EntityForm.tsx';
import { useEntityForm } from '../../components/forms/use-entity-form.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ExportList } from './ExportList.tsx';
import { fetchCorporations, platformKeys, startExport } from './platform-api.ts';

const exportForm = startExportInput.extend({ corporationId: z.uuid() });

/**
 * Decision 047: export a corporation, encrypted to the public key it hands over (paste or upload the PEM). The
 * platform administrator downloads the ciphertext for the corporation and cannot read it.
 */
export function ExportCorporation() {
  const { t } = useI18n();
  const p = t.platform;
  const queryClient = useQueryClient();
  const corporations = useQuery({ queryKey: platformKeys.corporations, queryFn: fetchCorporations });
  const items = corporations.data?.items ?? [];
  const [chosen, setChosen] = useState('');
  const corporationId = chosen || items[0]?.id || '';
  const form = useEntityForm({
    initial: { publicKey: '' },
    fields: { publicKey: { id: 'export-public-key', label: p.exportKey } },
    toInput: (values) => ({ publicKey: values.publicKey, corporationId }),
    schema: exportForm,
    submit: (input) => startExport(input.corporationId, input.publicKey),
    resetOnSuccess: true,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: platformKeys.exports(corporationId) }),
  });
  if (items.length === 0) return null;
  return (
    <FormSection id="corporation-export" title={p.exportTitle}>
      <Text maw={760} mb="sm">
        {p.exportIntro}
      </Text>
      <EntityForm form={form}>
        <Stack gap="sm" maw={760}>
          <NativeSelect
            id="export-corporation"
            label={p.exportCorporation}
            value={corporationId}
            onChange={(event) => setChosen(event.currentTarget.value)}
            data={items.map((c) => ({ value: c.id, label: `${c.name} (${c.slug})` }))}
          />
          <Textarea
            label={p.exportKey}
            description={p.exportKeyHint}
            required
            autosize
            minRows={4}
            styles={{ input: { fontFamily: 'monospace' } }}
            {...form.text('publicKey')}
          />
          <FileInput
            id="export-key-file"
            label={p.exportKeyFile}
            accept=".pem,.pub,.txt,application/x-pem-file,text/plain"
            placeholder={p.exportKeyFilePlaceholder}
            onChange={async (file) => {
              if (file) form.setValue('publicKey', await file.text());
            }}
          />
          <div>
            <Button type="submit" loading={form.isPending}>
              {p.exportStart}
            </Button>
          </div>
        </Stack>
      </EntityForm>
      {corporationId && <ExportList corporationId={corporationId} />}
    </FormSection>
  );
}
