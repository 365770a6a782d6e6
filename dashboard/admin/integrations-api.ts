// The integrations tabs' HTTP calls: Open311 clients, webhooks and their deliveries, import mappings.
import { call } from '../data/dispatch-api.ts';

export interface ClientItem {
  id: string;
  slug: string;
  name: string;
  contact: string | null;
  channel: string;
  createdAt: string;
  revokedAt: string | null;
}
export interface EndpointItem {
  id: string;
  url: string;
  agencyId: string | null;
  events: string[];
  active: boolean;
  createdAt: string;
}
export interface AttemptItem {
  at: string;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}
export interface DeliveryItem {
  id: string;
  event: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  createdAt: string;
  attemptLog: AttemptItem[];
}
export interface MappingItem {
  id: string;
  name: string;
  columns: Record<string, string>;
  categoryValues: Record<string, string>;
  updatedAt: string;
}
export type MappingInput = Pick<MappingItem, 'name' | 'columns' | 'categoryValues'>;

export const integrationsApi = {
  clients: () => call<{ clients: ClientItem[] }>('GET', '/api/v1/open311/clients'),
  issueClient: (c: { slug: string; name: string; contact?: string }) =>
    call<ClientItem & { apiKey: string }>('POST', '/api/v1/open311/clients', c),
  revokeClient: (id: string) => call('POST', `/api/v1/open311/clients/${id}/revoke`, {}),
  endpoints: () => call<{ endpoints: EndpointItem[] }>('GET', '/api/v1/webhooks'),
  register: (e: { url: string; agencyId?: string; events: string[] }) =>
    call<EndpointItem & { secret: string }>('POST', '/api/v1/webhooks', e),
  disable: (id: string) => call('POST', `/api/v1/webhooks/${id}/disable`, {}),
  deliveries: (endpointId: string) =>
    call<{ deliveries: DeliveryItem[] }>('GET', `/api/v1/webhooks/${endpointId}/deliveries`),
  replay: (deliveryId: string) => call('POST', `/api/v1/webhooks/deliveries/${deliveryId}/replay`, {}),
  mappings: () => call<{ mappings: MappingItem[] }>('GET', '/api/v1/imports/mappings'),
  saveMapping: (m: MappingInput) => call<MappingItem>('POST', '/api/v1/imports/mappings', m),
  editMapping: (id: string, m: MappingInput) => call<MappingItem>('POST', `/api/v1/imports/mappings/${id}`, m),
  removeMapping: (id: string) => call('POST', `/api/v1/imports/mappings/${id}/delete`, {}),
};
