// Trade names for the unit forms.
import { useEffect, useState } from 'react';
import { dispatchApi } from '../data/dispatch-api.ts';
import { useAdminI18n } from './strings.ts';

export function useTrades(): { code: string; name: string }[] {
  const { lang } = useAdminI18n();
  const [rows, setRows] = useState<{ code: string; nameVi: string; nameEn: string }[]>([]);
  useEffect(() => {
    void dispatchApi.trades().then(
      (r) => setRows(r.trades),
      () => setRows([]),
    );
  }, []);
  return rows.map((t) => ({ code: t.code, name: lang === 'vi' ? t.nameVi : t.nameEn }));
}
