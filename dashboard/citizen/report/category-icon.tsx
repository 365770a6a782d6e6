// A drawn icon per category so a tile is never told apart by colour alone (the label sits beside it).
const paths: Record<string, string> = {
  rubbish: 'M5 7h14M9 7V4h6v3M7 7l1 13h8l1-13M10 11v6M14 11v6',
  road: 'M8 3 5 21M16 3l3 18M12 5v3M12 11v3M12 17v3',
  encroachment: 'M3 20h18M5 20V9l7-5 7 5v11M9 20v-6h6v6',
  flooding: 'M2 16c2-2 4-2 6 0s4 2 6 0 4-2 6 0M2 20c2-2 4-2 6 0s4 2 6 0 4-2 6 0M12 3l-4 6a4 4 0 1 0 8 0z',
  lighting: 'M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9V16h7v-2.1A6 6 0 0 0 12 3z',
  security: 'M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6zM9 12l2 2 4-4',
  misconduct: 'M4 21h16M6 17h12M8 17V9M16 17V9M12 17V9M3 9l9-6 9 6z',
  admin_procedure: 'M7 3h8l4 4v14H7zM15 3v4h4M10 12h6M10 16h6',
};
const FALLBACK = 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 8v5M12 16v.5';

export function CategoryIcon({ code }: { code: string }) {
  return (
    <svg className="cat-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={paths[code] ?? FALLBACK} />
    </svg>
  );
}
