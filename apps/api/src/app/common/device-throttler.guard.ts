import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { AuthenticatedRequest } from '../auth/principal';

/** Rate limits per device (or person), not per address: many kiosks may share one NAT. */
@Injectable()
export class DeviceThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(
    req: Record<string, unknown>,
  ): Promise<string> {
    const principal = (req as AuthenticatedRequest).principal;
    return principal ? `${principal.type}:${principal.id}` : String(req['ip']);
  }
}
