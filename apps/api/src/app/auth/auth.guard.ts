import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isUUID } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../common/domain-error';
import { ACCESS_KEY, PUBLIC_KEY } from './access.decorator';
import { AuthService } from './auth.service';
import type { AccessRule, AuthenticatedRequest } from './principal';
import { ScopeService } from './scope.service';

/**
 * The global guard: every route needs credentials unless marked @Public(). It resolves the caller
 * (a person's JWT or a device token), then enforces the route's AccessRule: role, device kind and
 * the hall named by the route.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly scope: ScopeService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets))
      return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(
      ACCESS_KEY,
      targets,
    );
    // fails closed: a route that declares no access is nobody's (RouteAccessCheck stops such an
    // API at start-up; this is the second line)
    if (!rule) throw DomainError.forbidden('This endpoint declares no access');
    const req = ctx
      .switchToHttp()
      .getRequest<FastifyRequest & AuthenticatedRequest>();

    const header = req.headers.authorization;
    const match =
      typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) throw DomainError.unauthenticated('Missing bearer token');
    const principal = await this.auth.authenticate(match[1]);
    req.principal = principal;

    if (principal.type === 'device') {
      if (!rule.devices?.includes(principal.kind)) {
        throw DomainError.forbidden(
          `A ${principal.kind} device may not call this endpoint`,
        );
      }
    } else if (rule.roles && !rule.roles.includes(principal.role)) {
      throw DomainError.forbidden(
        `Role ${principal.role} may not call this endpoint`,
      );
    }

    if (rule.hall) {
      const hallId = (req.params as Record<string, unknown>)[rule.hall.param];
      if (typeof hallId !== 'string' || !isUUID(hallId)) {
        throw DomainError.invalid(`${rule.hall.param} must be a UUID`, [
          { field: rule.hall.param, problems: ['must be a UUID'] },
        ]);
      }
      await this.scope.assertHall(principal, hallId, rule.hall.level);
    }
    return true;
  }
}
