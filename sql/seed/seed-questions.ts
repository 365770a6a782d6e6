// Seeds the demo category questions once (a database whose operators edited them keeps theirs).
import { withTransaction, type Db } from '../db.ts';
import { QUESTIONS } from './question-data.ts';

export async function seedCategoryQuestions(db: Db): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM category_questions LIMIT 1');
  if (rows.length > 0) return false;
  await withTransaction(db, async (tx) => {
    for (const [i, q] of QUESTIONS.entries()) {
      // Only for categories this database has: a province may have its own catalog.
      await tx.query(
        `INSERT INTO category_questions (category, code, datatype, required, label_vi, label_en, hint_vi, hint_en,
                                         choices, min_value, max_value, unit, position)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 WHERE EXISTS (SELECT 1 FROM categories WHERE code = $1)`,
        [
          q.category,
          q.code,
          q.datatype,
          q.required,
          q.labelVi,
          q.labelEn,
          q.hintVi ?? null,
          q.hintEn ?? null,
          q.values ? JSON.stringify(q.values) : null,
          q.min ?? null,
          q.max ?? null,
          q.unit ?? null,
          i,
        ],
      );
    }
  });
  return true;
}
