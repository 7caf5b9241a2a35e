import { Injectable } from '@nestjs/common';
import { AppConfig } from '@onewindow/server-core';
import {
  createHash,
  createHmac,
  createSecretKey,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';

/** A status token: 24 bytes (192 bits) of HMAC output, base64url. */
export const STATUS_TOKEN = /^[A-Za-z0-9_-]{32}$/;

/**
 * The keys of citizens' ticket pages (`/t/{statusToken}`). A ticket's token is an HMAC of its id
 * under a key derived from the server secret, so the API can answer a retried issue with the same
 * token without storing it; the database keeps only its SHA-256 for the lookup.
 */
@Injectable()
export class StatusTokens {
  private readonly key: KeyObject;

  constructor(config: AppConfig) {
    this.key = createSecretKey(
      Buffer.from(
        hkdfSync(
          'sha256',
          config.JWT_SECRET,
          'onewindow',
          'ticket status token v1',
          32,
        ),
      ),
    );
  }

  tokenFor(ticketId: string): string {
    return createHmac('sha256', this.key)
      .update(ticketId)
      .digest()
      .subarray(0, 24)
      .toString('base64url');
  }

  /** What the tickets table stores for a token. */
  hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }
}
