// GeoReport v2 `extended_attributes` (the spec wiki's Extensions page, asked for with `extensions=true`): what the
// public may read beyond the core fields. An allowlist like the public presenter: list answers only (free text may
// carry personal details), approved photos only (re-encoded, so no EXIF), the channel, the workflow status.
import type { ReportStatus } from '../../domain/report-status.ts';
import type { AnswersDTO, QuestionDTO } from './dto.ts';
import type { Locale } from './open311-presenters.ts';
import { isoWithOffset, updateStatusOf } from '../open311/status.ts';

/** Answers of these datatypes come from fixed lists or are plain numbers/dates: nothing a citizen typed. */
const PUBLIC_DATATYPES: ReadonlySet<QuestionDTO['datatype']> = new Set([
  'singlevaluelist',
  'multivaluelist',
  'number',
  'datetime',
]);

/** One chosen value, as the wiki's example writes it: the question's code and label, the value's code and name. */
export interface Open311ExtendedAttribute {
  name: string;
  label: string;
  code: string;
  value: string;
}

export interface Open311ExtendedAttributes {
  title: string;
  detailed_status: ReportStatus;
  channel: string;
  attributes: Open311ExtendedAttribute[];
  media_urls: string[];
}

export function publicAttributes(
  answers: AnswersDTO | null | undefined,
  questions: QuestionDTO[],
  locale: Locale,
): Open311ExtendedAttribute[] {
  const en = locale === 'en';
  return questions
    .filter((q) => PUBLIC_DATATYPES.has(q.datatype) && answers?.[q.code] !== undefined)
    .flatMap((q) => {
      const raw = answers![q.code];
      return (Array.isArray(raw) ? raw : [raw]).map((one) => {
        const key = String(one);
        const choice = q.values?.find((v) => v.key === key);
        return {
          name: q.code,
          label: en ? q.labelEn : q.label,
          code: key,
          value: choice ? (en ? choice.nameEn : choice.name) : key,
        };
      });
    });
}

export function presentExtendedAttributes(r: {
  serviceName: string;
  areaName: string | null;
  status: ReportStatus;
  channel: string | undefined;
  attributes: Open311ExtendedAttribute[];
  mediaUrls: string[];
}): Open311ExtendedAttributes {
  return {
    title: r.areaName ? `${r.serviceName} — ${r.areaName}` : r.serviceName,
    detailed_status: r.status,
    channel: r.channel ?? 'web',
    attributes: r.attributes,
    media_urls: r.mediaUrls,
  };
}

/** One step of the Update History, as the wiki's example has it; `type` is FixMyStreet's word for the status. */
export interface Open311Note {
  datetime: string;
  description: string;
  type: string;
}

export const presentNote = (step: {
  to_status: ReportStatus;
  reason: string | null;
  public_reply: string | null;
  at: Date;
}): Open311Note => ({
  datetime: isoWithOffset(step.at),
  description: step.public_reply ?? '',
  type: updateStatusOf(step.to_status, step.reason),
});

/** XML nests each list in its plural element (attributes > attribute, media_urls > media_url), as the spec does. */
export const extendedAttributesXml = (e: Open311ExtendedAttributes) => ({
  ...e,
  attributes: e.attributes.length ? { attribute: e.attributes } : {},
  media_urls: e.media_urls.length ? { media_url: e.media_urls } : {},
});
