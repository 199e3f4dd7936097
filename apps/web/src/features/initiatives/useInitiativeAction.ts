import type { Initiative } from '@pilotage/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/** After an action: the initiative's cache takes the server's answer; lists refresh. */
export function useInitiativeChanged() {
  const queryClient = useQueryClient();
  return useCallback(
    (item: Initiative) => {
      queryClient.setQueryData(['initiatives', 'one', item.id], item);
      void queryClient.invalidateQueries({ queryKey: ['initiatives', 'internal'] });
    },
    [queryClient],
  );
}
