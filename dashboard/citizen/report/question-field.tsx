// One per-category question, drawn by its datatype (the same definitions Open311 publishes as attributes).
import { useId } from 'react';
import { useCitizenI18n } from '../strings.ts';
import type { Answer, QuestionDTO } from '../types.ts';

export function QuestionField({
  q,
  value,
  onChange,
}: {
  q: QuestionDTO;
  value: Answer | undefined;
  onChange: (v: Answer | undefined) => void;
}) {
  const { lang, c } = useCitizenI18n();
  const id = useId();
  const label = (lang === 'vi' ? q.label : q.labelEn) + (q.unit ? ` (${q.unit})` : '');
  const hint = lang === 'vi' ? q.hint : q.hintEn;
  const name = (v: { name: string; nameEn: string }) => (lang === 'vi' ? v.name : v.nameEn);
  const common = {
    id,
    required: q.required,
    'aria-describedby': hint ? `${id}-hint` : undefined,
    'data-question': q.code,
  };

  let control;
  if (q.datatype === 'singlevaluelist' && q.values) {
    control = (
      <select
        {...common}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      >
        <option value="">{c('what.choose')}</option>
        {q.values.map((v) => (
          <option key={v.key} value={v.key}>
            {name(v)}
          </option>
        ))}
      </select>
    );
  } else if (q.datatype === 'multivaluelist' && q.values) {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className="field" data-question={q.code}>
        <legend>
          {label}
          {q.required && <span aria-label={c('what.answerRequired')}> *</span>}
        </legend>
        {q.values.map((v) => (
          <label key={v.key} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(v.key)}
              onChange={(e) => {
                const next = e.target.checked ? [...chosen, v.key] : chosen.filter((k) => k !== v.key);
                onChange(next.length ? next : undefined);
              }}
            />
            {name(v)}
          </label>
        ))}
        {hint && <p className="muted">{hint}</p>}
      </fieldset>
    );
  } else if (q.datatype === 'text') {
    control = (
      <textarea
        {...common}
        rows={2}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      />
    );
  } else if (q.datatype === 'number') {
    control = (
      <input
        {...common}
        type="number"
        inputMode="decimal"
        min={q.min}
        max={q.max}
        value={typeof value === 'number' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    );
  } else {
    control = (
      <input
        {...common}
        type={q.datatype === 'datetime' ? 'datetime-local' : 'text'}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value || undefined)}
      />
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {q.required && <span aria-label={c('what.answerRequired')}> *</span>}
      </label>
      {control}
      {hint && (
        <p id={`${id}-hint`} className="muted">
          {hint}
        </p>
      )}
    </div>
  );
}

/** Which required questions still lack an answer (the server checks too; this just saves a round trip). */
export function missingAnswers(questions: QuestionDTO[], answers: Record<string, Answer>): string[] {
  return questions
    .filter((q) => q.required && (answers[q.code] === undefined || answers[q.code] === ''))
    .map((q) => q.code);
}
