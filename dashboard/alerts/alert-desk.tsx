// The publishers' desk: recent alerts of every state, with approve (the second person), cancel and CAP links.
import { useCallback, useEffect, useState } from 'react';
import type { AlertDTO } from '../../ingest/presenters/dto.ts';
import { call, DispatchError } from '../data/dispatch-api.ts';
import { useAlertsI18n } from './strings.ts';

interface ReachLine {
  areaCode: string | null;
  areaName: string;
  screens: number;
  pushSent: number;
  pushDelivered: number;
  pushFailed: number;
}

/** Who an alert reached, by commune: screens watching when it went out, pushes sent/delivered/failed. */
function Reach({ id }: { id: string }) {
  const { a } = useAlertsI18n();
  const [lines, setLines] = useState<ReachLine[] | null>(null);
  useEffect(() => {
    call<{ lines: ReachLine[] }>('GET', `/api/v1/alerts/${id}/reach`).then(
      (b) => setLines(b.lines),
      () => {},
    );
  }, [id]);
  if (!lines) return null;
  return (
    <table className="small" data-testid={`reach-${id}`}>
      <caption>{a('desk.reach')}</caption>
      <thead>
        <tr>
          <th scope="col">{a('reach.area')}</th>
          <th scope="col">{a('reach.screens')}</th>
          <th scope="col">{a('reach.sent')}</th>
          <th scope="col">{a('reach.delivered')}</th>
          <th scope="col">{a('reach.failed')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.areaCode ?? l.areaName}>
            <td>{l.areaName}</td>
            <td>{l.screens}</td>
            <td>{l.pushSent}</td>
            <td>{l.pushDelivered}</td>
            <td>{l.pushFailed}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AlertDesk({ onEdit }: { onEdit: (alert: AlertDTO) => void }) {
  const { a, ak, lang } = useAlertsI18n();
  const [alerts, setAlerts] = useState<AlertDTO[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const load = useCallback(() => {
    call<{ alerts: AlertDTO[] }>('GET', '/api/v1/alerts/desk').then(
      (b) => setAlerts(b.alerts),
      () => {},
    );
  }, []);
  useEffect(() => {
    load();
    window.addEventListener('hientruong:alert-desk', load);
    return () => window.removeEventListener('hientruong:alert-desk', load);
  }, [load]);
  const act = async (id: string, what: 'approve' | 'cancel') => {
    setError(null);
    try {
      await call('POST', `/api/v1/alerts/${id}/${what}`, {});
    } catch (e) {
      setError(e instanceof DispatchError ? (lang === 'vi' ? (e.messageVi ?? e.message) : e.message) : String(e));
    }
    load();
  };
  return (
    <section className="desk" aria-labelledby="desk-title">
      <h2 id="desk-title">{a('desk.title')}</h2>
      {error && <p role="alert">{error}</p>}
      <ul>
        {alerts.map((al) => (
          <li key={al.id} data-alert-id={al.id}>
            <strong>
              #{al.id} {al.title}
            </strong>{' '}
            <span>
              · {al.msgType} · {ak(`severity.${al.severity}`)} · {ak(`state.${al.state}`)}
            </span>
            <div className="small">
              {al.areaDesc} · {al.desk?.createdByName}
              {al.desk?.approvedByName ? ` / ${al.desk.approvedByName}` : ''}
            </div>
            <div className="row">
              {al.state === 'pending_approval' && (
                <button type="button" onClick={() => void act(al.id, 'approve')}>
                  {a('desk.approve')}
                </button>
              )}
              {al.state === 'published' && al.msgType !== 'Cancel' && (
                <button type="button" onClick={() => onEdit(al)}>
                  {a('desk.update')}
                </button>
              )}
              {['pending_approval', 'scheduled', 'published'].includes(al.state) && al.msgType !== 'Cancel' && (
                <button type="button" onClick={() => void act(al.id, 'cancel')}>
                  {a('desk.cancel')}
                </button>
              )}
              {al.sentAt && <a href={al.capUrl}>{a('desk.cap')}</a>}
              {al.sentAt && (
                <button
                  type="button"
                  onClick={() => setOpen(open === al.id ? null : al.id)}
                  aria-expanded={open === al.id}
                >
                  {a('desk.reach')}
                </button>
              )}
              {al.sentAt && <a href={`/api/v1/alerts/${al.id}/reach.csv`}>CSV</a>}
            </div>
            {open === al.id && <Reach id={al.id} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
