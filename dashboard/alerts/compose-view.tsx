// /alerts/new: a publisher composes an alert, picks its area from the commune list or the map (or places a
// circle or polygon there), and publishes; the desk beside it approves and cancels.
import { useMemo, useState, type FormEvent } from 'react';
import type { AlertDTO } from '../../ingest/presenters/dto.ts';
import {
  ALERT_CATEGORY_CODES,
  ALERT_PUBLISHER_ROLES,
  CAP_CERTAINTIES,
  CAP_SEVERITIES,
  CAP_URGENCIES,
} from '../../domain/alert-vocabulary.ts';
import { call, DispatchError } from '../data/dispatch-api.ts';
import { useDispatchSession } from '../data/use-dispatch-session.ts';
import { useReference } from '../data/use-reference.ts';
import { useTheme } from '../data/use-prefs.ts';
import { LangToggle } from '../components/toggles.tsx';
import { LoginScreen } from '../views/dispatch/login-screen.tsx';
import { AlertDesk } from './alert-desk.tsx';
import { OutageImport } from './outage-import.tsx';
import { AreaPicker, type AreaDraft } from './area-picker.tsx';
import { useAlertsI18n } from './strings.ts';
import './alerts.css';

const localInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

export function ComposeView() {
  const session = useDispatchSession();
  const { a, ak, t, lang } = useAlertsI18n();
  // An edit is a new version of a published alert (CAP Update): the composer starts from it.
  const [editing, setEditing] = useState<AlertDTO | null>(null);
  // An update's outcome outlives its composer (which starts over as a new alert once the update is out).
  const [updated, setUpdated] = useState<string | null>(null);
  if (session.loading) return null;
  const user = session.session?.user;
  if (!user) return <LoginScreen onLogin={(u, p) => session.login(u, p)} />;
  return (
    <main className="alerts-page" lang={lang}>
      <header style={{ gridColumn: '1 / -1', display: 'flex', justifyContent: 'space-between' }}>
        <h1>
          {t('app.name')} · {a('compose.title')}
        </h1>
        <LangToggle />
      </header>
      {ALERT_PUBLISHER_ROLES.has(user.role) ? (
        <div>
          {updated && (
            <p role="status" className="ok" data-testid="alert-result">
              {updated}
            </p>
          )}
          <Composer
            key={editing?.id ?? 'new'}
            editing={editing}
            onDone={(text) => {
              setUpdated(text ?? null);
              setEditing(null);
            }}
          />
        </div>
      ) : (
        <p role="alert" data-testid="alerts-forbidden">
          {a('compose.forbidden')} ({ak(user.role)})
        </p>
      )}
      {ALERT_PUBLISHER_ROLES.has(user.role) && (
        <div>
          <AlertDesk
            onEdit={(alert) => {
              setUpdated(null);
              setEditing(alert);
            }}
          />
          <OutageImport />
        </div>
      )}
    </main>
  );
}

/** The composer's area from an alert being updated: its communes, or its drawn shape as a polygon. */
function areaOf(alert: AlertDTO | null): AreaDraft {
  if (alert?.areaCodes.length) return { mode: 'communes', communes: alert.areaCodes, circle: null, polygon: [] };
  const ring = alert?.geometry.coordinates[0]?.[0] ?? [];
  return {
    mode: alert ? 'polygon' : 'communes',
    communes: [],
    circle: null,
    polygon: ring.slice(0, -1) as [number, number][],
  };
}

function Composer({ editing, onDone }: { editing: AlertDTO | null; onDone: (result?: string) => void }) {
  const { a, ak, lang } = useAlertsI18n();
  const reference = useReference(null);
  const [theme] = useTheme();
  const now = useMemo(() => new Date(), []);
  const [f, setF] = useState({
    title: editing?.title ?? '',
    body: editing?.body ?? '',
    titleEn: editing?.titleEn ?? '',
    bodyEn: editing?.bodyEn ?? '',
    category: editing?.category ?? 'weather',
    severity: editing?.severity ?? 'Moderate',
    urgency: editing?.urgency ?? 'Expected',
    certainty: editing?.certainty ?? 'Likely',
    effective: localInput(editing ? new Date(editing.effective) : now),
    expires: localInput(editing ? new Date(editing.expires) : new Date(now.getTime() + 6 * 3_600_000)),
  });
  const [area, setArea] = useState<AreaDraft>(() => areaOf(editing));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });

  const areaBody = () => {
    if (area.mode === 'communes') return { communes: area.communes };
    if (area.mode === 'circle') return { circle: area.circle };
    const ring = area.polygon.length ? [...area.polygon, area.polygon[0]] : [];
    return { polygon: { type: 'Polygon', coordinates: [ring] } };
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const path = editing ? `/api/v1/alerts/${editing.id}/update` : '/api/v1/alerts';
      const res = await call<{ id: string; state: string }>('POST', path, {
        title: f.title,
        body: f.body,
        ...(f.titleEn.trim() ? { titleEn: f.titleEn } : {}),
        ...(f.bodyEn.trim() ? { bodyEn: f.bodyEn } : {}),
        category: f.category,
        severity: f.severity,
        urgency: f.urgency,
        certainty: f.certainty,
        effective: new Date(f.effective).toISOString(),
        expires: new Date(f.expires).toISOString(),
        area: areaBody(),
      });
      const text = `${a(res.state === 'published' ? 'compose.published' : 'compose.pending')} #${res.id}`;
      window.dispatchEvent(new Event('hientruong:alert-desk'));
      // An update's composer starts over as a new alert: the outcome is shown above it.
      if (editing) onDone(text);
      else setMessage({ ok: true, text });
    } catch (err) {
      const text =
        err instanceof DispatchError ? (lang === 'vi' ? (err.messageVi ?? err.message) : err.message) : String(err);
      setMessage({ ok: false, text: err instanceof DispatchError ? `${text}: ${err.message}` : text });
    } finally {
      setBusy(false);
    }
  };
  const select = (k: 'category' | 'severity' | 'urgency' | 'certainty', values: readonly string[], prefix: string) => (
    <label>
      {a(`compose.${k}`)}
      <select value={f[k]} onChange={set(k)} name={k}>
        {values.map((v) => (
          <option key={v} value={v}>
            {ak(`${prefix}.${v}`)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="alert-form" aria-label={a('compose.title')}>
      <label>
        {a('compose.headline')}
        <input name="title" required maxLength={200} value={f.title} onChange={set('title')} />
      </label>
      <label>
        {a('compose.body')}
        <textarea name="body" required rows={3} maxLength={4000} value={f.body} onChange={set('body')} />
      </label>
      <label>
        {a('compose.headlineEn')}
        <input name="titleEn" lang="en" maxLength={200} value={f.titleEn} onChange={set('titleEn')} />
      </label>
      <label>
        {a('compose.bodyEn')}
        <textarea name="bodyEn" lang="en" rows={2} maxLength={4000} value={f.bodyEn} onChange={set('bodyEn')} />
      </label>
      <div className="row">
        {select('category', ALERT_CATEGORY_CODES, 'category')}
        {select('severity', CAP_SEVERITIES, 'severity')}
        {select('urgency', CAP_URGENCIES, 'urgency')}
        {select('certainty', CAP_CERTAINTIES, 'certainty')}
      </div>
      <div className="row">
        <label>
          {a('compose.effective')}
          <input type="datetime-local" name="effective" value={f.effective} onChange={set('effective')} />
        </label>
        <label>
          {a('compose.expires')}
          <input type="datetime-local" name="expires" value={f.expires} onChange={set('expires')} />
        </label>
      </div>
      {(f.severity === 'Severe' || f.severity === 'Extreme') && <p className="small">{a('compose.twoPerson')}</p>}
      <AreaPicker value={area} onChange={setArea} reference={reference} theme={theme} />
      {editing && (
        <p className="small" data-testid="alert-editing">
          {a('compose.updating')} #{editing.id} ·{' '}
          <button type="button" onClick={() => onDone()}>
            {a('compose.newInstead')}
          </button>
        </p>
      )}
      <button type="submit" disabled={busy} data-testid="alert-publish">
        {a(editing ? 'compose.publishUpdate' : 'compose.publish')}
      </button>
      {message && (
        <p role="status" className={message.ok ? 'ok' : 'warn'} data-testid="alert-result">
          {message.text}
        </p>
      )}
    </form>
  );
}
