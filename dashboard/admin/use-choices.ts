// The choices the admin forms and tables offer (agencies, categories, communes, roles), named in the page's language.
import type { Choice } from './admin-form.tsx';
import { useAdminI18n } from './strings.ts';
import { useAdmin } from './use-admin.ts';

export const ROLES = ['administrator', 'supervisor', 'dispatcher', 'agency_officer', 'field_officer', 'wall_viewer'];

export function useChoices() {
  const { a, lang, categoryName } = useAdminI18n();
  const { reference, agencies } = useAdmin();
  const none: Choice = { value: '', label: '—' };
  const categoryLabel = (c: string | null) => (c ? categoryName(reference.categoryByCode[c], c) : a('anyCategory'));
  const areaLabel = (code: string | null) => (code ? (reference.areaNames[code]?.[lang] ?? code) : a('anyArea'));
  const categories: Choice[] = reference.categories.map((c) => ({ value: c.code, label: categoryLabel(c.code) }));
  return {
    none,
    categoryLabel,
    areaLabel,
    categories,
    /** Categories with "any category" first (value ''). */
    anyCategory: [{ value: '', label: a('anyCategory') }, ...categories],
    /** Agencies with "—" first (value ''). */
    agencies: [none, ...agencies.list.map((x) => ({ value: x.id, label: x.name }))],
    /** Communes by name with "whole province" first (value ''). */
    communes: [
      { value: '', label: a('anyArea') },
      ...Object.entries(reference.areaNames)
        .sort((x, y) => x[1].vi.localeCompare(y[1].vi, 'vi'))
        .map(([code, n]) => ({ value: code, label: n[lang] })),
    ],
    roles: ROLES.map((r) => ({ value: r, label: r })),
  };
}
