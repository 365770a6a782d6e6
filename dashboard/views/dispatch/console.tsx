// The console: map | queue | detail, at 1080p. Every action goes to the server; what is shown comes back live.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  dispatchApi,
  DispatchError,
  emptyFilters,
  type QueueFilters,
  type TransitionBody,
} from '../../data/dispatch-api.ts';
import type { SessionDTO } from '../../data/dispatch-types.ts';
import { useDispatchLive } from '../../data/use-dispatch-live.ts';
import { useDispatchQueue } from '../../data/use-dispatch-queue.ts';
import { useReference } from '../../data/use-reference.ts';
import { useTheme } from '../../data/use-prefs.ts';
import { ConnectionIndicator } from '../../components/connection-indicator.tsx';
import { LangToggle, ThemeToggle } from '../../components/toggles.tsx';
import { DetailPanel } from './detail-panel.tsx';
import { DispatchMap } from './dispatch-map.tsx';
import { QueuePanel } from './queue-panel.tsx';
import { urgencyOrder, useNow } from './sla.ts';
import { useDispatchI18n, type DispatchKey } from './strings.ts';
import { useShortcuts } from './use-shortcuts.ts';
import { useAgencies } from './use-agencies.ts';
import { UNDO_MS, useUndoable } from './use-undoable.ts';

export function Console({
  session,
  onLogout,
  onReauthorize,
}: {
  session: SessionDTO;
  onLogout: () => Promise<void>;
  onReauthorize?: () => void;
}) {
  const { d, dk, t, lang, status } = useDispatchI18n();
  const [theme, setTheme] = useTheme();
  const reference = useReference(null);
  const [filters, setFilters] = useState<QueueFilters>(emptyFilters);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const agencies = useAgencies(lang);
  const [flash, setFlash] = useState<{ ok: boolean; text: string } | null>(null);
  const q = useDispatchQueue(filters, selectedId);
  const connection = useDispatchLive({
    token: session.socketToken,
    onReport: q.onReport,
    onUnit: q.onUnit,
    onResync: q.refreshAll,
    onReauthorize,
  });
  const now = useNow();
  // The deadline order is kept as the clock turns reports overdue; other sorts are the server's.
  const items = useMemo(
    () => (filters.sort === 'deadline' ? urgencyOrder(q.items, now) : q.items),
    [q.items, now, filters.sort],
  );
  const selected = q.detail.item && q.detail.item.id === selectedId ? q.detail.item : null;
  const highlightUnits = useMemo(
    () => new Set([...q.detail.nearest.map((u) => u.id), ...(selected?.unitId ? [selected.unitId] : [])]),
    [q.detail.nearest, selected],
  );

  useEffect(() => {
    if (!flash) return;
    const t = setTimeout(() => setFlash(null), 4000);
    return () => clearTimeout(t);
  }, [flash]);

  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      try {
        await work();
        setFlash({ ok: true, text: d('action.done') });
        q.refreshAll();
      } catch (e) {
        setFlash({
          ok: false,
          text: e instanceof DispatchError ? (lang === 'vi' ? (e.messageVi ?? e.message) : e.message) : String(e),
        });
      }
    },
    [d, lang, q],
  );

  const undoable = useUndoable();
  const fmt = (key: DispatchKey, vars: Record<string, string | null>) =>
    Object.entries(vars).reduce((text, [k, v]) => text.replace(`{${k}}`, v ?? '—'), d(key));

  // Single actions wait in the undo window; a reassignment cannot wait unseen, so it asks first.
  const transition = useCallback(
    (body: TransitionBody) => {
      if (!selected) return;
      const { id, version, code } = selected;
      undoable.schedule(`${dk(`to.${body.to}`)} · ${code}`, () =>
        run(() => dispatchApi.transition(id, { ...body, expectedVersion: version })),
      );
    },
    [run, selected, undoable, dk],
  );
  const assign = useCallback(
    (unitId: string) => {
      if (!selected?.canAssign) return;
      const { id, code } = selected;
      const unitName = (uid: string) => q.units.find((u) => u.id === uid)?.name ?? uid;
      if (selected.unitId) {
        const reason = window.prompt(fmt('assign.confirm', { from: unitName(selected.unitId), to: unitName(unitId) }));
        if (reason === null) return;
        if (!reason.trim()) return setFlash({ ok: false, text: d('assign.reasonRequired') });
        return run(() => dispatchApi.assign(id, unitId, reason.trim()));
      }
      undoable.schedule(`${d('detail.assign')} ${unitName(unitId)} · ${code}`, () =>
        run(() => dispatchApi.assign(id, unitId)),
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [run, selected, undoable, q.units, d],
  );
  const merge = useCallback(
    (into: string) => {
      if (!selected?.canMerge) return;
      const { id, code } = selected;
      undoable.schedule(`${d('detail.merge')} · ${code}`, () => run(() => dispatchApi.merge(id, into)));
    },
    [run, selected, undoable, d],
  );
  /** A: the nearest free unit of the routed agency and trade, or say that there is none (never another trade). */
  const assignNearest = useCallback(() => {
    if (!selected?.canAssign) return;
    const unit = q.detail.nearest.find((u) => u.matchesRouting);
    if (unit) return assign(unit.id);
    const { agencyId, trade } = q.detail.routed;
    setFlash({
      ok: false,
      text:
        trade || agencyId
          ? fmt('assign.noRouted', { trade: agencies.trade(trade), agency: agencies.name(agencyId) })
          : d('assign.none'),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected, q.detail, assign, agencies, d]);

  const isDesk = ['administrator', 'supervisor', 'dispatcher'].includes(session.user?.role ?? '');
  const onCheck = useCallback(
    (id: string, on: boolean) =>
      setChecked((old) => {
        const next = new Set(old);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  const bulkRun = useCallback(
    (work: (ids: string[]) => Promise<unknown>) => run(() => work([...checked]).then(() => setChecked(new Set()))),
    [run, checked],
  );
  const bulk = useMemo(
    () =>
      isDesk
        ? {
            triage: () => bulkRun((ids) => dispatchApi.bulkTransition(ids, 'triaged')),
            reject: (reason: string) => bulkRun((ids) => dispatchApi.bulkTransition(ids, 'rejected', reason)),
            // The oldest report leads the incident: the others repeat it (ids are random, so by receipt time).
            merge: () =>
              bulkRun((ids) => {
                const received = (id: string) => q.items.find((i) => i.id === id)?.createdAt ?? '';
                const [into, ...rest] = [...ids].sort((a, b) => received(a).localeCompare(received(b)));
                return dispatchApi.bulkMerge(rest, into);
              }),
            clear: () => setChecked(new Set()),
          }
        : null,
    [isDesk, bulkRun, q.items],
  );

  const move = useCallback(
    (step: number) => {
      if (!items.length) return;
      const i = items.findIndex((x) => x.id === selectedId);
      const next = items[Math.min(items.length - 1, Math.max(0, i < 0 ? 0 : i + step))];
      setSelectedId(next.id);
      document.querySelector(`[data-report-id="${next.id}"]`)?.scrollIntoView({ block: 'nearest' });
    },
    [items, selectedId],
  );

  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    t: () => selected?.allowedTransitions.includes('triaged') && transition({ to: 'triaged' }),
    a: assignNearest,
    escape: () => undoable.undo() && setFlash({ ok: true, text: d('undo.cancelled') }),
    r: () => document.querySelector<HTMLTextAreaElement>('[name="publicReply"]')?.focus(),
    '/': () => document.querySelector<HTMLInputElement>('[name="queue-search"]')?.focus(),
  });

  return (
    <div className="dx-shell" data-testid="dispatch-console">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-sep" aria-hidden="true">
            /
          </span>
          <h1 className="brand-title">{d('title')}</h1>
          <span className="brand-province">{t('app.province')}</span>
        </div>
        <div className="topbar-tools">
          <span className="dx-user" data-testid="whoami">
            {session.user?.name} · {session.user?.role}
          </span>
          <ConnectionIndicator state={connection} />
          <ThemeToggle theme={theme} onChange={setTheme} />
          <LangToggle />
          <button type="button" className="dx-btn" onClick={() => void onLogout()}>
            {d('logout')}
          </button>
        </div>
      </header>
      <main className="dx-map">
        <DispatchMap
          items={items}
          units={q.units}
          reference={reference}
          theme={theme}
          selected={selected}
          highlightUnits={highlightUnits}
          onSelect={setSelectedId}
          tradeName={agencies.trade}
          now={now}
        />
      </main>
      <QueuePanel
        items={items}
        total={q.total}
        hasMore={q.nextCursor !== null}
        onMore={() => void q.loadMore().catch(() => {})}
        agencies={agencies.list}
        checked={checked}
        onCheck={onCheck}
        bulk={bulk}
        loaded={q.loaded}
        now={now}
        filters={filters}
        onFilters={setFilters}
        reference={reference}
        units={q.units}
        selectedId={selectedId}
        onSelect={setSelectedId}
        canEscalate={session.user?.role === 'supervisor' || session.user?.role === 'administrator'}
      />
      <DetailPanel
        detail={q.detail}
        selected={selected}
        reference={reference}
        now={now}
        units={q.units}
        agencyName={agencies.name}
        tradeName={agencies.trade}
        status={status}
        onTransition={transition}
        onAssign={assign}
        onMerge={merge}
        onOpenReport={setSelectedId}
      />
      {undoable.pending && (
        <div className="dx-flash ok dx-undo" role="status" data-testid="undo-bar">
          <span>
            {undoable.pending.label} — {fmt('undo.pending', { s: String(Math.ceil(UNDO_MS / 1000)) })}
          </span>
          <button
            type="button"
            className="dx-btn"
            data-action="undo"
            onClick={() => undoable.undo() && setFlash({ ok: true, text: d('undo.cancelled') })}
          >
            {d('undo.button')}
          </button>
        </div>
      )}
      {flash && !undoable.pending && (
        <div className={`dx-flash ${flash.ok ? 'ok' : 'bad'}`} role="status" data-testid="flash">
          {flash.text}
        </div>
      )}
    </div>
  );
}
