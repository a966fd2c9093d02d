import { useQuery } from '@tanstack/react-query';
import { currentUserKey } from '../../app/query-client.ts';
import { fetchCurrentUser, fetchOrganization } from './auth-api.ts';

export function useCurrentUser() {
  return useQuery({ queryKey: currentUserKey, queryFn: fetchCurrentUser, staleTime: 60_000 });
}

export function useOrganization() {
  return useQuery({ queryKey: ['organization'], queryFn: fetchOrganization, staleTime: 5 * 60_000 });
}
