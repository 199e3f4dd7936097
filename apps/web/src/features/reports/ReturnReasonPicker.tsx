import { reviewQueueRoutes } from '@pilotage/contracts';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { call } from '../../api/client.ts';
import { useT, type MessageKey } from '../../i18n/index.tsx';

const PRESETS: MessageKey[] = [
  'review.reasonPreset.evidence',
  'review.reasonPreset.progress',
  'review.reasonPreset.detail',
  'review.reasonPreset.difficulties',
];

/**
 * Reusable return reasons: the ones the reviewer's unit wrote before (most used first) and a few common
 * phrases. Picking one fills the reason box, which stays editable.
 */
export function ReturnReasonPicker({ onPick }: { onPick: (text: string) => void }) {
  const t = useT();
  const id = useId();
  const used = useQuery({
    queryKey: ['reports', 'return-reasons'],
    queryFn: () => call(reviewQueueRoutes.returnReasons, {}),
    staleTime: 60_000,
  });
  const mine = used.data?.items ?? [];
  const presets = PRESETS.map((k) => t(k)).filter((p) => !mine.some((m) => m.text === p));
  return (
    <div className="field reason-picker">
      <label htmlFor={id}>{t('review.reasonsLabel')}</label>
      <select
        id={id}
        value=""
        onChange={(e) => {
          if (e.target.value) onPick(e.target.value);
        }}
      >
        <option value="">{t('review.reasonsPick')}</option>
        {mine.map((r) => (
          <option key={r.text} value={r.text}>
            {r.text.length > 90 ? `${r.text.slice(0, 90)}…` : r.text} (
            {t('review.reasonUsed', { count: r.uses })})
          </option>
        ))}
        {presets.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </div>
  );
}
