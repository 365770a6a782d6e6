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

export interface CategoryQuestionRow {
  category: string;
  code: string;
  datatype: string;
  required: boolean;
  label_vi: string;
  label_en: string;
  hint_vi: string | null;
  hint_en: string | null;
  choices: { key: string; name: string; nameEn: string }[] | null;
  min_value: number | null;
  max_value: number | null;
  unit: string | null;
}

/** Every category's questions, in the order a form asks them. */
export async function listCategoryQuestions(db: Db): Promise<CategoryQuestionRow[]> {
  const { rows } = await db.query<CategoryQuestionRow>(
    `SELECT category, code, datatype, required, label_vi, label_en, hint_vi, hint_en, choices, min_value, max_value, unit
       FROM category_questions ORDER BY category, position, code`,
  );
  return rows;
}

export interface AgencyRow {
  id: string;
  name_vi: string;
  name_en: string;
  kind: string;
}

export async function listAgencies(db: Db): Promise<AgencyRow[]> {
  const { rows } = await db.query<AgencyRow>('SELECT id, name_vi, name_en, kind FROM agencies ORDER BY name_vi, id');
  return rows;
}

/** The trade a category's reports need (null: any trade of the routed agency). */
export async function categoryTrade(db: Db, category: string): Promise<string | null> {
  const { rows } = await db.query<{ trade: string | null }>('SELECT trade FROM categories WHERE code = $1', [category]);
  return rows[0]?.trade ?? null;
}

export interface TradeRow {
  code: string;
  name_vi: string;
  name_en: string;
}

export async function listTrades(db: Db): Promise<TradeRow[]> {
  const { rows } = await db.query<TradeRow>('SELECT code, name_vi, name_en FROM trades ORDER BY name_vi');
  return rows;
}
