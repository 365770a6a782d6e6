// /report: three screens (where, what, who) then the answer. Offline, the report is queued with its key.
import { useCallback, useEffect, useState } from 'react';
import { CitizenShell } from '../citizen-shell.tsx';
import { citizenApi, postReport } from '../citizen-api.ts';
import { enqueueReport, isTransient, requestBackgroundSync } from '../offline/report-queue.ts';
import { QUEUED_EVENT } from '../offline/offline-banner.tsx';
import { useCitizenI18n, type CitizenKey } from '../strings.ts';
import type { CreatedCitizenReport, ReportDraft } from '../types.ts';
import { useCategories } from '../use-categories.ts';
import { AnswerScreen } from './answer-screen.tsx';
import type { AreaState, Place } from './place.ts';
import { missingAnswers } from './question-field.tsx';
import { QueuedScreen } from './queued-screen.tsx';
import { WhatStep, type WhatState } from './what-step.tsx';
import { WhereStep } from './where-step.tsx';
import { WhoStep, whoProblem, type WhoState } from './who-step.tsx';
import { CitizenAlerts } from '../../alerts/citizen-alerts.tsx';

const EMPTY_WHAT: WhatState = { category: null, answers: {}, description: '', photos: [] };
const EMPTY_WHO: WhoState = { anonymous: false, name: '', phone: '', consent: false };
const STEPS = 3;

function draftOf(place: Place, what: WhatState, who: WhoState): ReportDraft {
  const draft: ReportDraft = {
    category: what.category!,
    description: what.description.trim(),
    lat: place.lat,
    lng: place.lng,
  };
  if (Object.keys(what.answers).length) draft.answers = what.answers;
  if (who.anonymous || (!who.name.trim() && !who.phone.trim())) draft.reporter = { anonymous: true };
  else draft.reporter = { name: who.name.trim() || undefined, phone: who.phone.trim() || undefined };
  return draft;
}

export function ReportView() {
  const { c, t, lang } = useCitizenI18n();
  const categories = useCategories();
  const [step, setStep] = useState(0);
  const [place, setPlace] = useState<Place | null>(null);
  const [area, setArea] = useState<AreaState>('unknown');
  const [what, setWhat] = useState<WhatState>(EMPTY_WHAT);
  const [who, setWho] = useState<WhoState>(EMPTY_WHO);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<CreatedCitizenReport | null>(null);
  const [queued, setQueued] = useState<string | null>(null);
  // One key per report being written: every retry of this submission carries it.
  const [key, setKey] = useState(() => crypto.randomUUID());

  useEffect(() => {
    if (!place) return;
    setArea('loading');
    const ctl = new AbortController();
    citizenApi.areaAt(place.lat, place.lng, ctl.signal).then(setArea, () => !ctl.signal.aborted && setArea('unknown'));
    return () => ctl.abort();
  }, [place]);

  useEffect(() => {
    document.title = `${c('report.title')} · ${t('app.name')}`;
  }, [c, t]);

  const chosen = categories.find((k) => k.code === what.category);
  const stepProblem = (s: number): CitizenKey | null => {
    if (s === 0) return place ? null : 'where.required';
    if (s === 1) {
      if (!what.category) return 'what.categoryRequired';
      if (missingAnswers(chosen?.questions ?? [], what.answers).length) return 'what.answerRequired';
      if (what.description.trim().length < 3) return 'what.descriptionRequired';
      return null;
    }
    return whoProblem(who);
  };

  const send = async () => {
    const draft = draftOf(place!, what, who);
    setSending(true);
    try {
      setResult(await postReport(draft, what.photos, key));
    } catch (e) {
      if (!isTransient(e)) {
        const err = e as { messageVi?: string; message?: string };
        setProblem(`${c('error.send')}: ${(lang === 'vi' ? err.messageVi : err.message) ?? ''}`);
        return;
      }
      // No network (or a server that did not answer): keep it on the phone and send it later, same key.
      await enqueueReport({ key, draft, photos: what.photos, queuedAt: new Date().toISOString() });
      // The service worker sends it when the network is back, even if this page is closed by then.
      void requestBackgroundSync();
      window.dispatchEvent(new Event(QUEUED_EVENT));
      setQueued(key);
    } finally {
      setSending(false);
    }
  };

  const next = () => {
    const p = stepProblem(step);
    setProblem(p ? c(p) : null);
    if (p) return;
    if (step < STEPS - 1) {
      setStep(step + 1);
      window.scrollTo(0, 0);
    } else void send();
  };

  const restart = useCallback(() => {
    setStep(0);
    setPlace(null);
    setWhat(EMPTY_WHAT);
    setResult(null);
    setQueued(null);
    setKey(crypto.randomUUID());
  }, []);

  if (result)
    return (
      <CitizenShell title={c('done.title')}>
        <AnswerScreen result={result} onAnother={restart} />
      </CitizenShell>
    );
  if (queued)
    return (
      <CitizenShell title={c('report.title')}>
        <QueuedScreen queueKey={queued} onSent={setResult} />
      </CitizenShell>
    );

  return (
    <CitizenShell title={c('report.title')}>
      <form
        className="report-form"
        noValidate
        data-testid="report-form"
        data-step={step + 1}
        onSubmit={(e) => {
          e.preventDefault();
          next();
        }}
      >
        <p className="step-count" aria-live="polite">
          {c('report.step')} {step + 1}
          {c('report.of')}
          {STEPS}
        </p>
        <CitizenAlerts point={place} />
        {step === 0 && <WhereStep place={place} area={area} onPlace={setPlace} />}
        {step === 1 && <WhatStep categories={categories} value={what} onChange={setWhat} />}
        {step === 2 && <WhoStep value={who} onChange={setWho} />}
        {problem && (
          <p role="alert" className="warn-text" data-testid="form-problem">
            {problem}
          </p>
        )}
        <div className="actions sticky-actions">
          {step > 0 && (
            <button
              type="button"
              className="big-btn secondary"
              onClick={() => {
                setProblem(null);
                setStep(step - 1);
              }}
            >
              {c('report.back')}
            </button>
          )}
          <button type="submit" className="big-btn" disabled={sending} data-testid="next">
            {step < STEPS - 1 ? c('report.next') : sending ? c('report.sending') : c('report.send')}
          </button>
        </div>
      </form>
    </CitizenShell>
  );
}
