// Open311 GeoReport v2 shapes. A service request is built from the PUBLIC report presenter's output, so
// Open311 shows exactly what the public map shows (snapped or no position, no reporter, no free text).
import type { ReportStatus } from '../../domain/report-status.ts';
import type { CategoryDTO, PublicReportDTO, QuestionDTO } from './dto.ts';
import { isoWithOffset, open311StatusOf, updateStatusOf } from '../open311/status.ts';

export type Locale = 'vi' | 'en';

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export function presentService(c: CategoryDTO, questions: QuestionDTO[], locale: Locale): Open311Service {
  const name = locale === 'en' ? c.nameEn : c.nameVi;
  return {
    service_code: c.code,
    service_name: name,
    description: name,
    metadata: questions.length > 0,
    type: 'realtime',
    keywords: [c.code, c.nameVi, c.nameEn].join(', '),
    group: c.sensitive ? (locale === 'en' ? 'Sensitive' : 'Nhạy cảm') : locale === 'en' ? 'Urban' : 'Đô thị',
  };
}

export function presentServiceDefinition(code: string, questions: QuestionDTO[], locale: Locale) {
  const en = locale === 'en';
  return {
    service_code: code,
    attributes: questions.map((q, i) => ({
      variable: true,
      code: q.code,
      datatype: q.datatype,
      required: q.required,
      datatype_description: (en ? q.hintEn : q.hint) ?? null,
      order: i + 1,
      description: en ? q.labelEn : q.label,
      ...(q.values ? { values: q.values.map((v) => ({ key: v.key, name: en ? v.nameEn : v.name })) } : {}),
    })),
  };
}

/** What a request shows beside the public report: names, and the latest public reply as status_notes. */
export interface RequestContext {
  serviceName: string;
  agencyName: string | null;
  publicReply: string | null;
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export function presentServiceRequest(r: PublicReportDTO, c: RequestContext): Open311Request {
  return {
    service_request_id: r.code,
    status: open311StatusOf(r.status),
    status_notes: c.publicReply,
    service_name: c.serviceName,
    service_code: r.category,
    // Free text and photos are not public until moderated (the public presenter leaves them out).
    description: null,
    agency_responsible: c.agencyName,
    service_notice: null,
    requested_datetime: isoWithOffset(r.createdAt),
    updated_datetime: isoWithOffset(r.updatedAt),
    expected_datetime: null,
    address: r.areaName,
    address_id: r.areaCode,
    zipcode: null,
    lat: r.lat,
    long: r.lng,
    media_url: null,
  };
}

export function presentRequestUpdate(u: {
  id: string;
  code: string;
  toStatus: ReportStatus;
  reason: string | null;
  publicReply: string | null;
  at: Date;
}) {
  return {
    update_id: u.id,
    service_request_id: u.code,
    status: updateStatusOf(u.toStatus, u.reason),
    updated_datetime: isoWithOffset(u.at),
    description: u.publicReply ?? '',
    media_url: null,
  };
}
