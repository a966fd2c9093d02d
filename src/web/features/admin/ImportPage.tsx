import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  NativeSelect,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import {
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  type ImportKind,
  type ImportResult,
} from '../../../contract/imports.ts';
import { SavedNotice } from '../../components/forms/FormNotices.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { describeApiError } from '../../lib/describe-error.ts';
import { ImportProblems } from './ImportProblems.tsx';
import { rowProblems, type UploadProgress, uploadImport } from './import-upload.ts';

/** Reading a CSV export: first a dry run that lists every bad row, then the import itself (all or nothing). */
export function ImportPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(t.admin.importTitle);
  const [kind, setKind] = useState<ImportKind>('complexes');
  const [file, setFile] = useState<File | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const run = useMutation({
    mutationFn: (input: { kind: ImportKind; file: File; dryRun: boolean }) =>
      uploadImport(input.kind, input.file, input.dryRun, setProgress),
    onSettled: () => setProgress(null),
  });
  const start = (dryRun: boolean) => {
    if (!file) {
      setFileMissing(true);
      return;
    }
    setFileMissing(false);
    run.mutate({ kind, file, dryRun });
  };
  const problems = useMemo(
    () => (run.error && isApiError(run.error, 'import_invalid') ? rowProblems(run.error) : []),
    [run.error],
  );

  return (
    <Stack gap="md" maw={960}>
      <Title order={1}>{t.admin.importTitle}</Title>
      <Text>{t.admin.importIntro}</Text>
      <Stack gap="sm" maw={520}>
        <NativeSelect
          id="import-kind"
          label={t.admin.importKind}
          value={kind}
          onChange={(event) => {
            setKind(event.currentTarget.value as ImportKind);
            run.reset();
          }}
          data={IMPORT_KINDS.map((k) => ({ value: k, label: t.admin.importKinds[k] }))}
        />
        <Text size="sm" id="import-columns">
          {t.admin.importColumns}:{' '}
          {IMPORT_COLUMNS[kind].map((c) => `${c.name}${c.required ? '*' : ''}`).join('; ')}
        </Text>
        <FileInput
          id="import-file"
          label={t.admin.importFile}
          description={t.admin.importFileHint}
          placeholder={t.admin.importFilePlaceholder}
          accept=".csv,text/csv"
          value={file}
          onChange={(next) => {
            setFile(next);
            run.reset();
          }}
          error={fileMissing ? t.admin.importFileMissing : undefined}
          clearable
          clearButtonProps={{ 'aria-label': t.admin.importClear }}
        />
        <Group>
          <Button variant="outline" onClick={() => start(true)} disabled={run.isPending}>
            {t.admin.importDryRun}
          </Button>
          <Button onClick={() => start(false)} disabled={run.isPending}>
            {t.admin.importRun}
          </Button>
        </Group>
      </Stack>
      {run.isPending && (
        <Stack gap={4} role="status" aria-live="polite">
          <Text size="sm">
            {progress?.phase === 'uploading'
              ? t.admin.importUploading(Math.round(progress.fraction * 100))
              : t.admin.importProcessing}
          </Text>
          <Progress
            value={progress?.phase === 'uploading' ? progress.fraction * 100 : 100}
            animated={progress?.phase !== 'uploading'}
            striped={progress?.phase !== 'uploading'}
            aria-label={t.admin.importProgress}
            data-testid="import-progress"
          />
        </Stack>
      )}
      {run.isSuccess && <ImportSummary result={run.data} />}
      {run.isError && (
        <Alert
          color="red.9"
          variant="outline"
          role="alert"
          title={t.admin.importFailedTitle}
          data-testid="import-errors"
        >
          <Text size="sm">{describeApiError(run.error, locale, t)}</Text>
          {problems.length > 0 && <ImportProblems problems={problems} />}
        </Alert>
      )}
      <Text size="sm">
        {t.admin.importOrder}{' '}
        <Anchor href="/api/docs#/imports" underline="always">
          {t.admin.importDocs}
        </Anchor>
      </Text>
    </Stack>
  );
}

function ImportSummary({ result }: { result: ImportResult }) {
  const { t } = useI18n();
  return (
    <SavedNotice title={result.dryRun ? t.admin.importDryRunOk : t.admin.importDone} testId="import-result">
      <Text size="sm">
        {t.admin.importCounts(result.rows, result.created, result.updated, result.unchanged)}
      </Text>
      {result.ignoredColumns.length > 0 && (
        <Text size="sm">
          {t.admin.importIgnored}: {result.ignoredColumns.join(', ')}
        </Text>
      )}
      {result.dryRun && <Text size="sm">{t.admin.importDryRunNext}</Text>}
    </SavedNotice>
  );
}
