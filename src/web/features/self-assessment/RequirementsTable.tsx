import { Anchor, List, Table, Text } from '@mantine/core';
import {
  type AssessedRequirementDto,
  figureValueIn,
  sectionNoteIn,
} from '../../../contract/self-assessment.ts';
import { FRAMEWORKS } from '../../../domain/self-assessment-requirements-2026.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Every requirement with its framework and section, the assessment, the evidence figures and what is missing. */
export function RequirementsTable({ requirements }: { requirements: readonly AssessedRequirementDto[] }) {
  const { t, locale } = useI18n();
  const s = t.selfAssessment;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder striped aria-label={s.title} data-testid="self-assessment-requirements">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{s.requirement}</Table.Th>
            <Table.Th scope="col">{s.status}</Table.Th>
            <Table.Th scope="col">{s.evidence}</Table.Th>
            <Table.Th scope="col">{s.missing}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requirements.map((r) => (
            <Table.Tr key={r.id} data-requirement={r.id}>
              <Table.Th scope="row" fw="normal">
                <Text fw={600} size="sm">
                  {r.id}
                </Text>
                <Text size="sm">{r.text[locale]}</Text>
                <Text size="xs">
                  {FRAMEWORKS[r.framework][locale]}, {r.section} ·{' '}
                  <Anchor href={r.sourceUrl} target="_blank" rel="noreferrer" size="xs" underline="always">
                    {s.source}
                  </Anchor>
                </Text>
                {r.sectionNote && (
                  <Text size="xs" fs="italic">
                    {s.sectionNote}: {sectionNoteIn(r.sectionNote, locale)}
                  </Text>
                )}
              </Table.Th>
              <Table.Td data-status={r.status}>{s.statuses[r.status]}</Table.Td>
              <Table.Td>
                {r.figures.length === 0 && <Text size="sm">{s.noEvidence}</Text>}
                <List size="sm" listStyleType="none" spacing={2}>
                  {r.figures.map((f) => (
                    <List.Item key={f.label.nl}>
                      {f.label[locale]}: <strong>{figureValueIn(f.value, locale)}</strong>
                    </List.Item>
                  ))}
                </List>
              </Table.Td>
              <Table.Td>{r.missing ? r.missing[locale] : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
