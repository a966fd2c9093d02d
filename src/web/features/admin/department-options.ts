import { useQuery } from '@tanstack/react-query';
import { fetchDepartments } from './admin-api.ts';

/**
 * Departments to choose from in an admin form: the active ones, plus the current choice even when it was
 * deactivated since (so an edit does not silently change it), after an empty option with the given label.
 */
export function useDepartmentOptions(emptyLabel: string, current: string | null = null) {
  const departments = useQuery({ queryKey: ['departments'], queryFn: fetchDepartments });
  return [
    { value: '', label: emptyLabel },
    ...(departments.data ?? [])
      .filter((d) => d.active || d.id === current)
      .map((d) => ({ value: d.id, label: d.name })),
  ];
}
