import { NativeSelect, Textarea } from '@mantine/core';
import { useState } from 'react';
import { boardTrackDecisionInput } from '../../../../contract/complaints.ts';
import { BOARD_TRACK_DECISION_KINDS, type BoardTrackDecisionKind } from '../../../../domain/index.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { ActionForm } from '../ActionForm.tsx';
import type { ActionFormProps } from './form-props.ts';

/** policy 2.5: the board records its decision on a suspected criminal offence. */
export function BoardTrackDecisionForm(props: ActionFormProps) {
  const { t, locale } = useI18n();
  const [decision, setDecision] = useState<BoardTrackDecisionKind | ''>('');
  const [text, setText] = useState('');
  // After an internal investigation only a final decision remains
  const investigating = props.complaint.boardTrack?.decisions.some(
    (d) => d.kind === 'internal_investigation',
  );
  const kinds = BOARD_TRACK_DECISION_KINDS.filter((k) => !(investigating && k === 'internal_investigation'));
  return (
    <ActionForm
      {...props}
      path="board-track/decision"
      schema={boardTrackDecisionInput}
      body={() => ({ decision, text })}
      fields={[
        { path: 'decision', id: 'board-track-decision', label: t.complaint.form.boardTrackDecision },
        { path: 'text', id: 'board-track-text', label: t.complaint.form.boardTrackText },
      ]}
      submitLabel={t.complaint.action.boardTrackDecision}
    >
      {(errors) => (
        <>
          <NativeSelect
            id="board-track-decision"
            label={t.complaint.form.boardTrackDecision}
            required
            data-autofocus
            value={decision}
            data={[
              { value: '', label: t.intake.choose },
              ...kinds.map((k) => ({ value: k, label: t.complaint.boardTrack.decisions[k] })),
            ]}
            error={errors.decision?.[locale]}
            onChange={(event) => setDecision(event.currentTarget.value as BoardTrackDecisionKind | '')}
          />
          <Textarea
            id="board-track-text"
            label={t.complaint.form.boardTrackText}
            description={t.complaint.form.boardTrackTextHint}
            required
            autosize
            minRows={3}
            value={text}
            error={errors.text?.[locale]}
            onChange={(event) => setText(event.currentTarget.value)}
          />
        </>
      )}
    </ActionForm>
  );
}
