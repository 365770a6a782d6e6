// The Web Push messages, field by field: an alert's public text, or a followed report's new status with the
// public reply. The service worker shows them as notifications (dashboard/pwa/push-handler.ts).
import type { PushPayloadDTO } from './dto.ts';

const STATUS_VI: Record<string, string> = {
  triaged: 'đã được tiếp nhận',
  assigned: 'đã được giao xử lý',
  resolved: 'đã được xử lý',
};

export function alertPushPayload(a: {
  id: string;
  title: string;
  title_en: string | null;
  body: string;
}): PushPayloadDTO {
  return { kind: 'alert', alertId: a.id, title: a.title, titleEn: a.title_en, body: a.body, url: `/map?alert=${a.id}` };
}

export function reportPushPayload(s: { code: string; status: string; public_reply: string | null }): PushPayloadDTO {
  return {
    kind: 'report',
    code: s.code,
    status: s.status,
    title: `Phản ánh ${s.code} ${STATUS_VI[s.status] ?? s.status}`,
    body: s.public_reply ?? '',
    url: `/track/${s.code}`,
  };
}
