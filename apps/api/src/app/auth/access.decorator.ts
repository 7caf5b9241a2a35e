import {
  SetMetadata,
  createParamDecorator,
  ExecutionContext,
} from '@nestjs/common';
import type { AccessRule, AuthenticatedRequest, Principal } from './principal';

export const ACCESS_KEY = 'onewindow:access';
export const PUBLIC_KEY = 'onewindow:public';

/**
 * Who may call this route (see AccessRule). Every route has it or @Public(): the API refuses to start
 * otherwise (RouteAccessCheck), and the guard refuses a call to a route with neither.
 */
export const Access = (rule: AccessRule) => SetMetadata(ACCESS_KEY, rule);

/** No credentials needed. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The authenticated caller. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => {
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!req.principal)
      throw new Error('CurrentPrincipal used on a public route');
    return req.principal;
  },
);

/** The caller plus the request id, for services that write the audit log. */
export interface Actor {
  principal: Principal;
  requestId: string | null;
}

export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor => {
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!req.principal) throw new Error('CurrentActor used on a public route');
    return {
      principal: req.principal,
      requestId: typeof req.id === 'string' ? req.id : null,
    };
  },
);
