import type { AppRegistration } from '../../directory/appRegistration.js';
import type { TenantSegment } from '../../directory/directory.js';

/** A token request after client identification; each grant handler gets one. */
export interface TokenRequest {
  segment: TenantSegment;
  segmentName: string;
  params: Record<string, string>;
  client: AppRegistration;
  /** True when a correct client secret came with the request. */
  clientAuthenticated: boolean;
  /** The browser origin for cross-origin (SPA) requests. */
  origin?: string;
}

export interface TokenResponse {
  token_type: 'Bearer';
  scope?: string;
  expires_in: number;
  ext_expires_in: number;
  access_token: string;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  id_token?: string;
  client_info?: string;
}
