// Sent without a connection: the report waits in the phone; when the queue sends it, the answer screen follows.
import { useEffect } from 'react';
import { useCitizenI18n } from '../strings.ts';
import { QUEUE_EVENT, sentResult } from '../offline/report-queue.ts';
import type { CreatedCitizenReport } from '../types.ts';

export function QueuedScreen({ queueKey, onSent }: { queueKey: string; onSent: (r: CreatedCitizenReport) => void }) {
  const { c } = useCitizenI18n();
  useEffect(() => {
    const handler = (e: Event) => {
      const d = (e as CustomEvent<{ key: string; result: CreatedCitizenReport }>).detail;
      if (d.key === queueKey) onSent(d.result);
    };
    window.addEventListener(QUEUE_EVENT, handler);
    // It may have gone out between queueing and this screen.
    void sentResult(queueKey).then((r) => r && onSent(r));
    return () => window.removeEventListener(QUEUE_EVENT, handler);
  }, [queueKey, onSent]);
  return (
    <section className="step" aria-live="polite">
      <p className="place-card" data-testid="queued">
        {c('done.queued')}
      </p>
    </section>
  );
}
