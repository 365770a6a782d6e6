// "Look up a report code": used on /track without a code and on the public map.
import { useId, useState } from 'react';
import { useCitizenI18n } from '../strings.ts';

export function CodeBox({ initial = '' }: { initial?: string }) {
  const { c } = useCitizenI18n();
  const id = useId();
  const [code, setCode] = useState(initial);
  return (
    <form
      className="code-box"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        const clean = code.trim().toUpperCase();
        if (clean) window.location.assign(`/track/${encodeURIComponent(clean)}`);
      }}
    >
      <label htmlFor={id}>{c('track.codeBox')}</label>
      <div className="code-row">
        <input
          id={id}
          value={code}
          autoCapitalize="characters"
          placeholder={c('track.codePlaceholder')}
          data-testid="code-input"
          onChange={(e) => setCode(e.target.value)}
        />
        <button type="submit" className="big-btn" data-testid="code-go">
          {c('track.go')}
        </button>
      </div>
    </form>
  );
}
