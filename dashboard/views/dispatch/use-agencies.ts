// Agency and trade names for filters and details, so no screen shows a raw id such as "ubnd-14797".
import { useEffect, useMemo, useState } from 'react';
import { dispatchApi } from '../../data/dispatch-api.ts';
import type { AgencyDTO, TradeDTO } from '../../data/dispatch-types.ts';

export function useAgencies(lang: 'vi' | 'en') {
  const [rows, setRows] = useState<AgencyDTO[]>([]);
  const [trades, setTrades] = useState<TradeDTO[]>([]);
  useEffect(() => {
    void dispatchApi
      .agencies()
      .then((r) => setRows(r.agencies))
      .catch(() => setRows([]));
    void dispatchApi
      .trades()
      .then((r) => setTrades(r.trades))
      .catch(() => setTrades([]));
  }, []);
  return useMemo(() => {
    const byId = new Map(rows.map((a) => [a.id, lang === 'vi' ? a.nameVi : a.nameEn]));
    return {
      list: rows.map((a) => ({ id: a.id, name: byId.get(a.id)! })),
      name: (id: string | null) => (id ? (byId.get(id) ?? id) : null),
      trade: (code: string | null) => {
        const t = trades.find((x) => x.code === code);
        return t ? (lang === 'vi' ? t.nameVi : t.nameEn) : code;
      },
    };
  }, [rows, trades, lang]);
}
