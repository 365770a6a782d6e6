// Screen 2: what. Category tiles (icon + name), that category's questions, a description and photos.
import { useCitizenI18n } from '../strings.ts';
import type { Answer, CitizenCategory } from '../types.ts';
import { CategoryIcon } from './category-icon.tsx';
import { PhotoPicker } from './photo-picker.tsx';
import { QuestionField } from './question-field.tsx';

export interface WhatState {
  category: string | null;
  answers: Record<string, Answer>;
  description: string;
  photos: Blob[];
}

export function WhatStep({
  categories,
  value,
  onChange,
}: {
  categories: CitizenCategory[];
  value: WhatState;
  onChange: (v: WhatState) => void;
}) {
  const { c, categoryName } = useCitizenI18n();
  const chosen = categories.find((k) => k.code === value.category);
  return (
    <section aria-labelledby="what-h" className="step">
      <h2 id="what-h">{c('what.title')}</h2>
      <fieldset className="tiles">
        <legend>{c('what.category')}</legend>
        {categories.map((k) => (
          <label key={k.code} className="tile" data-testid={`category-${k.code}`}>
            <input
              type="radio"
              name="category"
              value={k.code}
              className="visually-hidden"
              checked={value.category === k.code}
              onChange={() => onChange({ ...value, category: k.code, answers: {} })}
            />
            <CategoryIcon code={k.code} />
            <span>{categoryName(k, k.code)}</span>
          </label>
        ))}
      </fieldset>
      {chosen?.questions?.map((q) => (
        <QuestionField
          key={`${chosen.code}-${q.code}`}
          q={q}
          value={value.answers[q.code]}
          onChange={(v) => {
            const answers = { ...value.answers };
            if (v === undefined) delete answers[q.code];
            else answers[q.code] = v;
            onChange({ ...value, answers });
          }}
        />
      ))}
      <div className="field">
        <label htmlFor="description">{c('what.description')}</label>
        <textarea
          id="description"
          rows={3}
          maxLength={4000}
          aria-describedby="description-hint"
          value={value.description}
          data-testid="description"
          onChange={(e) => onChange({ ...value, description: e.target.value })}
        />
        <p id="description-hint" className="muted">
          {c('what.descriptionHint')}
        </p>
      </div>
      <PhotoPicker photos={value.photos} onChange={(photos) => onChange({ ...value, photos })} />
    </section>
  );
}
