// The category catalog, loaded once at start: validation and presenters need it on every request.
import type { Db } from '../sql/db.ts';
import { listCategories } from '../sql/queries/catalog.ts';
import type { CategoryDTO } from './presenters/dto.ts';

export interface Catalog {
  categories: CategoryDTO[];
  sensitive: ReadonlySet<string>;
  has(code: string): boolean;
}

export async function loadCatalog(db: Db): Promise<Catalog> {
  const categories: CategoryDTO[] = (await listCategories(db)).map((c) => ({
    code: c.code,
    nameVi: c.name_vi,
    nameEn: c.name_en,
    sensitive: c.sensitive,
    color: c.color as [number, number, number],
  }));
  const codes = new Set(categories.map((c) => c.code));
  return {
    categories,
    sensitive: new Set(categories.filter((c) => c.sensitive).map((c) => c.code)),
    has: (code) => codes.has(code),
  };
}
