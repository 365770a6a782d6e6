// One list for every admin tab: columns in, rows out; the actions column only for those who may write.
import type { ReactNode } from 'react';
import { useAdmin } from './use-admin.ts';

export interface Column<R> {
  /** Header text; a table whose columns have none renders no header row. */
  label?: string;
  cell: (row: R) => ReactNode;
  className?: string;
}

export interface AdminTableProps<R> {
  rows: R[];
  columns: Column<R>[];
  rowKey: (row: R) => string;
  /** data-* attributes of a row (without the prefix), so a test or a script can find it. */
  rowData?: (row: R) => Record<string, string>;
  /** The buttons of a row (edit, remove…), shown only when the reader may write. */
  actions?: (row: R) => ReactNode;
  /** Who may act on rows; defaults to the page's write permission (administrators). */
  editable?: boolean;
  testId: string;
}

export function AdminTable<R>(p: AdminTableProps<R>) {
  const { canWrite } = useAdmin();
  const showActions = !!p.actions && (p.editable ?? canWrite);
  const headed = p.columns.some((c) => c.label);
  return (
    <table className="ad-table" data-testid={p.testId}>
      {headed && (
        <thead>
          <tr>
            {p.columns.map((c, i) => (
              <th key={i}>{c.label}</th>
            ))}
            {showActions && <th />}
          </tr>
        </thead>
      )}
      <tbody>
        {p.rows.map((r) => (
          <tr key={p.rowKey(r)} {...dataAttributes(p.rowData?.(r))}>
            {p.columns.map((c, i) => (
              <td key={i} className={c.className}>
                {c.cell(r)}
              </td>
            ))}
            {showActions && <td>{p.actions!(r)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function dataAttributes(data: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, v]));
}

/** A row's button that runs one change (remove, end, revoke), after an optional confirmation. */
export function RowButton(p: { label: string; onClick: () => void; confirm?: string; action?: string }) {
  return (
    <button
      type="button"
      className="dx-btn"
      data-action={p.action}
      onClick={() => {
        if (!p.confirm || window.confirm(p.confirm)) p.onClick();
      }}
    >
      {p.label}
    </button>
  );
}
