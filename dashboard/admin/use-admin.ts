// What every admin tab shares: write permission, reference names, and one way to run a change and report it.
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { DispatchError } from '../data/dispatch-api.ts';
import type { Reference } from '../data/use-reference.ts';
import type { useAgencies } from '../views/dispatch/use-agencies.ts';
import { useAdminI18n } from './strings.ts';

export interface AdminShared {
  canWrite: boolean;
  reference: Reference;
  agencies: ReturnType<typeof useAgencies>;
  /** Runs a change; shows "saved" or the server's reason (with the field it names), then calls `after`. */
  run: (work: () => Promise<unknown>, after?: () => unknown) => Promise<void>;
}

export const AdminContext = createContext<AdminShared | null>(null);
export const useAdmin = (): AdminShared => useContext(AdminContext)!;

export function useAdminAction() {
  const { a, lang } = useAdminI18n();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(null), 5000);
    return () => clearTimeout(t);
  }, [message]);
  const run = useCallback(
    async (work: () => Promise<unknown>, after?: () => unknown) => {
      try {
        await work();
        setMessage({ ok: true, text: a('saved') });
        await after?.();
      } catch (e) {
        const text =
          e instanceof DispatchError ? (lang === 'vi' ? `${e.messageVi ?? ''} (${e.message})` : e.message) : String(e);
        setMessage({ ok: false, text });
      }
    },
    [a, lang],
  );
  return { message, run };
}

/** Loads once and again on `reload()`. */
export function useLoaded<T>(load: () => Promise<T>, deps: unknown[] = []): { value: T | null; reload: () => void } {
  const [value, setValue] = useState<T | null>(null);
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (v) => live && setValue(v),
      () => live && setValue(null),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [n, ...deps]);
  return { value, reload: useCallback(() => setN((x) => x + 1), []) };
}
