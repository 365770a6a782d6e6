// One add/edit form for every admin tab: field definitions in, the server's field reasons shown beside each field.
import { useState, type FormEvent, type ReactNode } from 'react';
import { DispatchError, reasonIn } from '../data/dispatch-api.ts';
import { useAdminI18n } from './strings.ts';
import { useAdmin } from './use-admin.ts';

export interface Choice {
  value: string;
  label: string;
}

export interface FieldDef<V extends Record<string, string>> {
  name: keyof V & string;
  label: string;
  kind?: 'text' | 'password' | 'date' | 'number' | 'textarea' | 'select';
  /** For `select`: the choices, in order (include `{ value: '', label: '—' }` where empty is allowed). */
  options?: Choice[];
  required?: boolean;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  autoComplete?: string;
  /** Takes the rest of the row (long text). */
  wide?: boolean;
}

export interface AdminFormProps<V extends Record<string, string>> {
  fields: FieldDef<V>[];
  initial: V;
  /** Sends the values; a thrown DispatchError's `fields` are shown beside the named inputs. */
  submit: (values: V) => Promise<unknown>;
  submitLabel: string;
  /** Called after a successful submit with the values sent; returns the values the form keeps (default: unchanged). */
  after?: (sent: V) => V | void;
  testId?: string;
  /** `data-action` of the submit button, for tests and keyboard users' bookmarks. */
  action?: string;
  /** Who may submit; defaults to the page's write permission (administrators). */
  editable?: boolean;
  /** Rendered before the fields (a heading) and after the button (a result). */
  title?: ReactNode;
  children?: ReactNode;
}

/** Hidden for readers (supervisors) unless `editable` says otherwise. */
export function AdminForm<V extends Record<string, string>>(p: AdminFormProps<V>) {
  const { canWrite, run } = useAdmin();
  const { lang } = useAdminI18n();
  const [values, setValues] = useState<V>(p.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!(p.editable ?? canWrite)) return null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    void run(
      async () => {
        try {
          await p.submit(values);
        } catch (err) {
          if (err instanceof DispatchError && err.fields)
            setErrors(Object.fromEntries(err.fields.map((f) => [f.field, reasonIn(f, lang)])));
          throw err;
        }
      },
      () => {
        const next = p.after?.(values);
        if (next) setValues(next);
      },
    );
  };
  return (
    <form className="ad-form" onSubmit={onSubmit} data-testid={p.testId}>
      {p.title}
      {p.fields.map((f) => (
        <label key={f.name} className={f.wide ? 'ad-wide' : undefined}>
          {f.label}
          <FieldInput
            field={f}
            value={values[f.name]}
            invalid={!!errors[f.name]}
            onChange={(v) => setValues({ ...values, [f.name]: v })}
          />
          {errors[f.name] && (
            <span className="ad-err" role="alert" data-field-error={f.name}>
              {errors[f.name]}
            </span>
          )}
        </label>
      ))}
      <button type="submit" className="dx-btn" data-action={p.action}>
        {p.submitLabel}
      </button>
      {p.children}
    </form>
  );
}

function FieldInput<V extends Record<string, string>>(props: {
  field: FieldDef<V>;
  value: string;
  invalid: boolean;
  onChange: (v: string) => void;
}) {
  const { field: f, value, invalid, onChange } = props;
  const common = { name: f.name, required: f.required, value, 'aria-invalid': invalid || undefined };
  if (f.kind === 'select') return <ChoiceSelect {...common} options={f.options ?? []} onChange={onChange} />;
  if (f.kind === 'textarea')
    return <textarea {...common} rows={2} maxLength={f.maxLength} onChange={(e) => onChange(e.target.value)} />;
  return (
    <input
      {...common}
      type={f.kind ?? 'text'}
      pattern={f.pattern}
      minLength={f.minLength}
      maxLength={f.maxLength}
      min={f.min}
      max={f.max}
      autoComplete={f.autoComplete}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** A select over choices: used by the forms and by the tables' in-row edits. */
export function ChoiceSelect(props: {
  value: string;
  options: Choice[];
  onChange: (v: string) => void;
  name?: string;
  required?: boolean;
  disabled?: boolean;
  label?: string;
  'aria-invalid'?: boolean;
}) {
  return (
    <select
      name={props.name}
      required={props.required}
      value={props.value}
      disabled={props.disabled}
      aria-label={props.label}
      aria-invalid={props['aria-invalid']}
      onChange={(e) => props.onChange(e.target.value)}
    >
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
