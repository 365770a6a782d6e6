// Live / reconnecting / offline dot with its label; role=status so screen readers hear changes.
import { useI18n } from '../i18n/i18n.tsx';
import type { ConnectionState } from '../data/types.ts';

export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const { t } = useI18n();
  return (
    <span className={`conn conn-${state}`} role="status" data-testid="connection" data-state={state}>
      <span className="conn-dot" aria-hidden="true" />
      {t(`conn.${state}`)}
    </span>
  );
}
