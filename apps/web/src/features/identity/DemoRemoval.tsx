import { demoRoutes } from '@pilotage/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client.ts';
import { useT } from '../../i18n/index.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useMe } from './session.tsx';

/** Administrators remove every demo account in one action (the server allows national administrators). */
export function DemoRemovalButton({ onDone }: { onDone: (message: string) => void }) {
  const t = useT();
  const me = useMe();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => call(demoRoutes.removeAccounts),
    onSuccess: (result) => {
      onDone(result.removed > 0 ? t('users.demo.removed', { count: result.removed }) : t('users.demo.none'));
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  if (!me.user.roles.includes('admin')) return null;
  return (
    <>
      <button
        type="button"
        className="button button-secondary"
        disabled={remove.isPending}
        onClick={() => {
          if (window.confirm(t('users.demo.confirm'))) remove.mutate();
        }}
      >
        {t('users.demo.remove')}
      </button>
      <ErrorNotice error={remove.error} />
    </>
  );
}
