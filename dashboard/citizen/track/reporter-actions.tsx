// What only the reporter (the secret in their link) may do: rate 1-5, reopen within 7 days, confirm fixed.
import { useState } from 'react';
import { citizenApi } from '../citizen-api.ts';
import { useCitizenI18n } from '../strings.ts';
import type { TrackDTO } from '../types.ts';

export function ReporterActions({ data, secret, onDone }: { data: TrackDTO; secret: string; onDone: () => void }) {
  const { c, time, lang } = useCitizenI18n();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const act = async (call: () => Promise<unknown>) => {
    try {
      await call();
      setMessage(c('track.done'));
      onDone();
    } catch (e) {
      const err = e as { message?: string; messageVi?: string };
      setMessage(`${c('error.send')}: ${(lang === 'vi' ? err.messageVi : err.message) ?? ''}`);
    }
  };
  return (
    <section className="step" aria-labelledby="ra-h">
      <h2 id="ra-h" className="visually-hidden">
        {c('track.rate')}
      </h2>
      {data.rating && (
        <p data-testid="my-rating">
          {c('track.rated')}: {data.rating.stars} {c('track.stars')}
          {data.rating.comment ? ` — ${data.rating.comment}` : ''}
        </p>
      )}
      {data.canRate && (
        <form
          className="step"
          onSubmit={(e) => {
            e.preventDefault();
            if (stars) void act(() => citizenApi.rate(data.code, secret, stars, comment.trim()));
          }}
        >
          <fieldset className="stars">
            <legend>{c('track.rate')}</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className={n <= stars ? 'star on' : 'star'} data-testid={`star-${n}`}>
                <input
                  type="radio"
                  name="stars"
                  value={n}
                  className="visually-hidden"
                  checked={stars === n}
                  onChange={() => setStars(n)}
                />
                <span aria-hidden="true">★</span>
                <span className="visually-hidden">
                  {n} {c('track.stars')}
                </span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="rate-comment">{c('track.comment')}</label>
            <textarea
              id="rate-comment"
              rows={2}
              maxLength={1000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <button type="submit" className="big-btn" disabled={!stars} data-testid="submit-rating">
            {c('track.submitRating')}
          </button>
        </form>
      )}
      {data.canReopen && (
        <form
          className="step"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim().length >= 3) void act(() => citizenApi.reopen(data.code, secret, reason.trim()));
          }}
        >
          <div className="field">
            <label htmlFor="reopen-reason">{c('track.reopenReason')}</label>
            <textarea
              id="reopen-reason"
              rows={2}
              maxLength={1000}
              value={reason}
              data-testid="reopen-reason"
              onChange={(e) => setReason(e.target.value)}
            />
            {data.reopenUntil && (
              <p className="muted">
                {c('track.reopenUntil')} {time(data.reopenUntil)}
              </p>
            )}
          </div>
          <div className="actions">
            <button
              type="submit"
              className="big-btn secondary"
              disabled={reason.trim().length < 3}
              data-testid="reopen"
            >
              {c('track.reopen')}
            </button>
            <button
              type="button"
              className="big-btn"
              data-testid="confirm"
              onClick={() => void act(() => citizenApi.confirm(data.code, secret))}
            >
              {c('track.confirm')}
            </button>
          </div>
        </form>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
