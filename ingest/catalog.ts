// The category catalog, loaded once at start: validation and presenters need it on every request.
import type { Db } from '../sql/db.ts';
import { listCategories, listCategoryQuestions, type CategoryQuestionRow } from '../sql/queries/catalog.ts';
import type { CategoryDTO, QuestionDTO } from './presenters/dto.ts';

export interface Catalog {
  categories: CategoryDTO[];
  sensitive: ReadonlySet<string>;
  has(code: string): boolean;
  /** The category's questions in order; none for an unknown category. */
  questionsOf(code: string): QuestionDTO[];
}

function toQuestion(q: CategoryQuestionRow): QuestionDTO {
  // Optional fields only when set, so the JSON stays as small as the contract allows.
  return {
    code: q.code,
    datatype: q.datatype as QuestionDTO['datatype'],
    required: q.required,
    label: q.label_vi,
    labelEn: q.label_en,
    ...(q.hint_vi !== null && { hint: q.hint_vi }),
    ...(q.hint_en !== null && { hintEn: q.hint_en }),
    ...(q.choices !== null && { values: q.choices }),
    ...(q.min_value !== null && { min: q.min_value }),
    ...(q.max_value !== null && { max: q.max_value }),
    ...(q.unit !== null && { unit: q.unit }),
  };
}

export async function loadCatalog(db: Db): Promise<Catalog> {
  const questions = new Map<string, QuestionDTO[]>();
  for (const q of await listCategoryQuestions(db)) {
    const list = questions.get(q.category) ?? [];
    list.push(toQuestion(q));
    questions.set(q.category, list);
  }
  const categories: CategoryDTO[] = (await listCategories(db)).map((c) => ({
    code: c.code,
    nameVi: c.name_vi,
    nameEn: c.name_en,
    sensitive: c.sensitive,
    color: c.color as [number, number, number],
    questions: questions.get(c.code) ?? [],
  }));
  const codes = new Set(categories.map((c) => c.code));
  return {
    categories,
    sensitive: new Set(categories.filter((c) => c.sensitive).map((c) => c.code)),
    has: (code) => codes.has(code),
    questionsOf: (code) => questions.get(code) ?? [],
  };
}
