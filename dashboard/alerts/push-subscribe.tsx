// "Notify me": Web Push for alerts in a chosen commune or around where the person is, with no account; the
// browser's push subscription and the chosen area are all the server keeps. One tap unsubscribes.
import { useEffect, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { useAlertsI18n } from './strings.ts';

const supported = () => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

const keyBytes = (base64url: string) => {
  const raw = atob(base64url.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
};

async function post(path: string, body: unknown) {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
}

export function PushSubscribe({ communes }: { communes: FeatureCollection | null }) {
  const { a } = useAlertsI18n();
  const [current, setCurrent] = useState<PushSubscription | null>(null);
  const [commune, setCommune] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'error'>('idle');
  useEffect(() => {
    if (!supported()) return;
    void navigator.serviceWorker.ready.then((r) => r.pushManager.getSubscription()).then(setCurrent);
  }, []);
  if (!supported()) return null;

  const subscribe = async (area: object) => {
    setState('busy');
    try {
      const reg = await navigator.serviceWorker.ready;
      const { publicKey } = (await (await fetch('/api/v1/push/key')).json()) as { publicKey: string };
      const sub =
        (await reg.pushManager.getSubscription()) ??
        (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
      await post('/api/v1/push/subscriptions', { subscription: sub.toJSON(), area });
      setCurrent(sub);
      setState('done');
    } catch {
      setState('error');
    }
  };
  const nearMe = () =>
    navigator.geolocation.getCurrentPosition(
      (p) => void subscribe({ point: { lat: p.coords.latitude, lng: p.coords.longitude, radiusM: 3000 } }),
      () => setState('error'),
    );
  const unsubscribe = async () => {
    if (!current) return;
    setState('busy');
    await post('/api/v1/push/unsubscribe', { endpoint: current.endpoint }).catch(() => {});
    await current.unsubscribe().catch(() => false);
    setCurrent(null);
    setState('idle');
  };
  const names = (communes?.features ?? [])
    .map((f) => ({ code: String(f.properties?.code), name: String(f.properties?.fullName ?? f.properties?.name) }))
    .sort((x, y) => x.name.localeCompare(y.name, 'vi'));
  return (
    <section className="push-subscribe" aria-labelledby="push-title" data-testid="push-subscribe">
      <h2 id="push-title" className="small">
        {a('push.title')}
      </h2>
      {current ? (
        <button type="button" onClick={() => void unsubscribe()} disabled={state === 'busy'}>
          {a('push.unsubscribe')}
        </button>
      ) : (
        <>
          <label>
            {a('push.commune')}
            <select value={commune} onChange={(e) => setCommune(e.target.value)}>
              <option value="">—</option>
              {names.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={!commune || state === 'busy'} onClick={() => void subscribe({ commune })}>
            {a('push.subscribe')}
          </button>{' '}
          <button type="button" disabled={state === 'busy'} onClick={nearMe}>
            {a('push.nearMe')}
          </button>
        </>
      )}
      {state === 'done' && <p role="status">{a('push.done')}</p>}
      {state === 'error' && <p role="alert">{a('push.error')}</p>}
    </section>
  );
}

/** On the reporter's tracking page (with the secret): be told when the report is triaged, assigned, resolved. */
export function ReportPushOptIn({ code, secret }: { code: string; secret: string }) {
  const { a } = useAlertsI18n();
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'error'>('idle');
  if (!supported()) return null;
  const optIn = async () => {
    setState('busy');
    try {
      const reg = await navigator.serviceWorker.ready;
      const { publicKey } = (await (await fetch('/api/v1/push/key')).json()) as { publicKey: string };
      const sub =
        (await reg.pushManager.getSubscription()) ??
        (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
      await post('/api/v1/push/subscriptions', { subscription: sub.toJSON(), report: { code, secret } });
      setState('done');
    } catch {
      setState('error');
    }
  };
  return (
    <p className="push-subscribe" data-testid="report-push">
      {state === 'done' ? (
        <span role="status">{a('push.reportDone')}</span>
      ) : (
        <button type="button" onClick={() => void optIn()} disabled={state === 'busy'}>
          {a('push.report')}
        </button>
      )}
      {state === 'error' && <span role="alert"> {a('push.error')}</span>}
    </p>
  );
}
