import { Modal } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The edit dialog of a list: open while an item is chosen, titled after it, its form made fresh per item
 * (the caller keys it) so a second edit never shows the first one's values or errors.
 */
export function FormDialog<T>({
  item,
  title,
  onClose,
  children,
}: {
  item: T | null;
  title: (item: T) => string;
  onClose: () => void;
  children: (item: T) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      opened={item !== null}
      onClose={onClose}
      title={item === null ? '' : title(item)}
      closeButtonProps={{ 'aria-label': t.manager.close }}
    >
      {item !== null && children(item)}
    </Modal>
  );
}
