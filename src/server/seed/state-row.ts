import type { ComplaintState } from '../../domain/index.ts';
import { stateColumns } from '../modules/complaints/mappers/complaint-state.mapper.ts';
import type { Row } from './organization-generator.ts';

const JSONB_COLUMNS = [
  'term_extensions',
  'repeat',
  'triage',
  'assessment',
  'manager_approval',
  'legal_advice',
  'committee',
  'criminal_offence',
  'board_track',
  'withdrawal',
] as const;

/** The complaint row's state columns as jsonb-ready values (stateColumns gives jsonb as JSON text for pg). */
export function toStateRow(state: ComplaintState): Row {
  const columns: Row = { ...stateColumns(state) };
  for (const key of JSONB_COLUMNS) {
    const value = columns[key];
    if (typeof value === 'string') columns[key] = JSON.parse(value);
  }
  return columns;
}
