// Screen 3: who. Name and phone optional, "send anonymously" explicit, the Decree 13/2023 consent line.
import { useCitizenI18n } from '../strings.ts';

export interface WhoState {
  anonymous: boolean;
  name: string;
  phone: string;
  consent: boolean;
}

export const PHONE_RE = /^\+?[0-9][0-9 .-]{6,18}[0-9]$/;

/** Contact given but no consent, or a malformed phone: what stops sending. */
export function whoProblem(w: WhoState): 'who.phoneInvalid' | 'who.consentRequired' | null {
  if (w.anonymous) return null;
  if (w.phone.trim() && !PHONE_RE.test(w.phone.trim())) return 'who.phoneInvalid';
  if ((w.name.trim() || w.phone.trim()) && !w.consent) return 'who.consentRequired';
  return null;
}

export function WhoStep({ value, onChange }: { value: WhoState; onChange: (v: WhoState) => void }) {
  const { c } = useCitizenI18n();
  return (
    <section aria-labelledby="who-h" className="step">
      <h2 id="who-h">{c('who.title')}</h2>
      <label className="check big">
        <input
          type="checkbox"
          checked={value.anonymous}
          data-testid="anonymous"
          onChange={(e) => onChange({ ...value, anonymous: e.target.checked })}
        />
        {c('who.anonymous')}
      </label>
      {!value.anonymous && (
        <>
          <div className="field">
            <label htmlFor="who-name">{c('who.name')}</label>
            <input
              id="who-name"
              autoComplete="name"
              value={value.name}
              onChange={(e) => onChange({ ...value, name: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="who-phone">{c('who.phone')}</label>
            <input
              id="who-phone"
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              value={value.phone}
              onChange={(e) => onChange({ ...value, phone: e.target.value })}
            />
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={value.consent}
              data-testid="consent"
              onChange={(e) => onChange({ ...value, consent: e.target.checked })}
            />
            <span>{c('who.consent')}</span>
          </label>
        </>
      )}
    </section>
  );
}
