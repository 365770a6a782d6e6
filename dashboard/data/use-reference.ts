// Slow-changing reference data: categories and boundaries, loaded once per page.
import { useEffect, useMemo, useState } from 'react';
import type { FeatureCollection } from 'geojson';
import { api } from './api.ts';
import type { CategoryDTO } from './types.ts';
import type { RGB } from '../layers/palette.ts';

export interface Reference {
  categories: CategoryDTO[];
  categoryByCode: Record<string, CategoryDTO>;
  categoryColors: Record<string, RGB>;
  communes: FeatureCollection | null;
  province: FeatureCollection | null;
  areaNames: Record<string, { vi: string; en: string }>;
}

function useLoad<T>(fn: (signal: AbortSignal) => Promise<T>, deps: unknown[]): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    // Reference data is needed for a usable map: retry quietly while the server starts.
    const attempt = () =>
      fn(ctl.signal).then(setValue, () => {
        if (!ctl.signal.aborted) retry = setTimeout(attempt, 3000);
      });
    void attempt();
    return () => {
      ctl.abort();
      clearTimeout(retry);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}

export function useReference(token: string | null): Reference {
  const cats = useLoad((s) => api.categories(token, s), [token]);
  const communes = useLoad((s) => api.areas('commune', s), []);
  const province = useLoad((s) => api.areas('province', s), []);
  return useMemo(() => {
    const categories = cats?.categories ?? [];
    const areaNames: Reference['areaNames'] = {};
    for (const f of communes?.features ?? []) {
      const p = f.properties as { code: string; name: string; fullName?: string; nameEn?: string };
      // One naming everywhere: the full name ("Phường Sầm Sơn"), as reports carry it.
      areaNames[p.code] = { vi: p.fullName ?? p.name, en: p.nameEn ?? p.fullName ?? p.name };
    }
    return {
      categories,
      categoryByCode: Object.fromEntries(categories.map((c) => [c.code, c])),
      categoryColors: Object.fromEntries(categories.map((c) => [c.code, c.color])),
      communes,
      province,
      areaNames,
    };
  }, [cats, communes, province]);
}
