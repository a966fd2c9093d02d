import { Button, Kbd, Modal, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Messages } from '../../i18n/messages.nl.ts';
import { useShortcuts } from '../../lib/use-shortcuts.ts';

type Shortcut = { keys: string[]; label: keyof Messages['shortcuts'] };

/** Every single-key shortcut of the staff pages (issue 22), as the overlay lists them. */
export const SHORTCUT_GROUPS: { title: keyof Messages['shortcuts']; items: Shortcut[] }[] = [
  { title: 'groupGeneral', items: [{ keys: ['?'], label: 'help' }] },
  {
    title: 'groupQueue',
    items: [
      { keys: ['j'], label: 'next' },
      { keys: ['k'], label: 'previous' },
      { keys: ['Enter', 'o'], label: 'open' },
      { keys: ['a'], label: 'assignToMe' },
      { keys: ['x'], label: 'select' },
    ],
  },
  {
    title: 'groupCase',
    items: [
      { keys: ['c'], label: 'logContact' },
      { keys: ['b'], label: 'answer' },
    ],
  },
];

/** The "?" overlay: a dialog listing the shortcuts; "?" anywhere (outside a field) or the header button opens it. */
export function ShortcutsHelp() {
  const { t } = useI18n();
  const [opened, setOpened] = useState(false);
  useShortcuts({
    '?': () => {
      setOpened(true);
      return true;
    },
  });
  return (
    <>
      <Button variant="subtle" size="sm" onClick={() => setOpened(true)} aria-keyshortcuts="?">
        {t.shortcuts.button}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t.shortcuts.title}
        closeButtonProps={{ 'aria-label': t.complaint.closeDialog }}
      >
        <Text size="sm" mb="sm">
          {t.shortcuts.intro}
        </Text>
        {SHORTCUT_GROUPS.map((group) => (
          <Table key={group.title} mb="md" data-testid={`shortcuts-${group.title}`}>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 700 }}>
              {t.shortcuts[group.title] as string}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={120}>
                  {t.shortcuts.keyColumn}
                </Table.Th>
                <Table.Th scope="col">{t.shortcuts.actionColumn}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.items.map((item) => (
                <Table.Tr key={item.label}>
                  <Table.Td>
                    {item.keys.map((key, index) => (
                      <Fragment key={key}>
                        {index > 0 && ` ${t.shortcuts.or} `}
                        <Kbd>{key}</Kbd>
                      </Fragment>
                    ))}
                  </Table.Td>
                  <Table.Td>{t.shortcuts[item.label] as string}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ))}
      </Modal>
    </>
  );
}
