// Shapes of the citizen API: the server's DTOs (type-only imports), plus the draft the form builds.
import type { AnswersDTO, CategoryDTO, CreatedReportDTO, QuestionDTO, TrackDTO } from '../../ingest/presenters/dto.ts';

export type { QuestionDTO, TrackDTO };
export type CitizenCategory = CategoryDTO;
export type CreatedCitizenReport = CreatedReportDTO;
export type Answer = AnswersDTO[string];

export interface ReportDraft {
  category: string;
  description: string;
  lat: number;
  lng: number;
  answers?: AnswersDTO;
  reporter?: { name?: string; phone?: string; anonymous?: boolean };
}

/** One hit of GET /api/v1/geocode (ingest/places.ts). */
export interface GeocodeCandidate {
  kind: string;
  code: string;
  name: string;
  area: { code: string; name: string } | null;
  lat: number | null;
  lng: number | null;
}
