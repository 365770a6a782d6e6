// Shapes of the citizen API (issue #18's contract). Kept client-side until the server's DTOs land in
// ingest/presenters/dto.ts; then these become type re-exports.
import type { CategoryDTO } from '../data/types.ts';

export type QuestionDatatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface QuestionDTO {
  code: string;
  datatype: QuestionDatatype;
  required: boolean;
  label: string;
  labelEn: string;
  hint?: string;
  hintEn?: string;
  values?: { key: string; name: string; nameEn: string }[];
  min?: number;
  max?: number;
  unit?: string;
}

export type CitizenCategory = CategoryDTO & { questions?: QuestionDTO[] };

export type Answer = string | number | string[];

export interface ReportDraft {
  category: string;
  description: string;
  lat: number;
  lng: number;
  answers?: Record<string, Answer>;
  reporter?: { name?: string; phone?: string; anonymous?: boolean };
}

export interface CreatedCitizenReport {
  id: string;
  code: string;
  area: { code: string; name: string } | null;
  status: string;
  trackingUrl?: string;
  trackingSecret?: string;
  photos?: { id: string }[];
}

export interface GeocodeCandidate {
  kind: string;
  code: string;
  name: string;
  area: { code: string; name: string } | null;
  lat: number | null;
  lng: number | null;
}

export interface TimelineEntry {
  at: string;
  status: string;
  label: string;
  labelEn: string;
  publicReply?: string;
}

export interface TrackDTO {
  code: string;
  reportId: string;
  category: string;
  status: string;
  phase: string;
  area: { code: string; name: string } | null;
  createdAt: string;
  deadline: string | null;
  timeline: TimelineEntry[];
  photos: { id: string; thumbUrl: string; displayUrl: string }[];
  rating: { stars: number; comment?: string | null } | null;
  reporter: boolean;
  canRate: boolean;
  canReopen: boolean;
  reopenUntil: string | null;
}
