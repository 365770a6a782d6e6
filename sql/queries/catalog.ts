// Categories and agencies as stored.
import type { Db } from '../db.ts';

export interface CategoryRow {
  code: string;
  name_vi: string;
  name_en: string;
  sensitive: boolean;
  color: number[];
}

export async function listCategories(db: Db): Promise<CategoryRow[]> {
  const { rows } = await db.query<CategoryRow>(
    'SELECT code, name_vi, name_en, sensitive, color FROM categories ORDER BY sort_order, code',
  );
  return rows;
}
