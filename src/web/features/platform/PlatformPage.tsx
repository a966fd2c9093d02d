import { Button, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LoadingScreen } from '../../components/LoadingScreen.tsx';
import { useDocumentTitle } from '../../components/use-document-title.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { CorporationList } from './CorporationList.tsx';
import { CreateCorporationForm } from './CreateCorporationForm.tsx';
import { ExportCorporation } from './ExportCorporation.tsx';
import { PlatformLayout } from './PlatformLayout.tsx';
import { PlatformSignIn } from './PlatformSignIn.tsx';
import { fetchPlatformMe, platformKeys, signOutPlatform } from './platform-api.ts';

/** Decision 047: `/platform` on PLATFORM_HOST — onboarding and suspending corporations, no complaint data. */
export function PlatformPage() {
  const { t } = useI18n();
  const p = t.platform;
  useDocumentTitle(p.pageTitle);
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: platformKeys.me, queryFn: fetchPlatformMe, retry: false });
  const signOut = useMutation({
    mutationFn: signOutPlatform,
    onSuccess: () => queryClient.setQueryData(platformKeys.me, null),
  });
  if (me.isPending) return <LoadingScreen />;
  const signedIn = me.data ?? null;
  if (!signedIn) {
    const elsewhere = isApiError(me.error, 'route_not_found');
    return <PlatformLayout>{elsewhere ? <Text>{p.notHere}</Text> : <PlatformSignIn />}</PlatformLayout>;
  }
  return (
    <PlatformLayout
      actions={
        <Button variant="subtle" onClick={() => signOut.mutate()} loading={signOut.isPending}>
          {p.signOut}
        </Button>
      }
    >
      <Stack gap="lg">
        <div>
          <Title order={1}>{p.title}</Title>
          <Text maw={760}>{p.intro(signedIn.email)}</Text>
        </div>
        <CorporationList />
        <CreateCorporationForm />
        <ExportCorporation />
      </Stack>
    </PlatformLayout>
  );
}
