// The category catalogue (names, icons' codes, questions), fetched once per page.
import { useEffect, useState } from 'react';
import { citizenApi } from './citizen-api.ts';
import type { CitizenCategory } from './types.ts';

export function useCategories(): CitizenCategory[] {
  const [categories, setCategories] = useState<CitizenCategory[]>([]);
  useEffect(() => {
    const ctl = new AbortController();
    citizenApi.categories(ctl.signal).then(setCategories, () => {});
    return () => ctl.abort();
  }, []);
  return categories;
}
