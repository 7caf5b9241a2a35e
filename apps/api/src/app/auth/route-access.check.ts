import { Injectable, OnModuleInit } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_KEY, PUBLIC_KEY } from './access.decorator';

/** A route handler that says neither who may call it nor that anyone may. */
export interface UndeclaredRoute {
  controller: string;
  handler: string;
}

/**
 * Every route declares who may call it, @Access(...) or @Public(), on the handler or its
 * controller: access fails closed. Lists the routes that do not.
 */
export function undeclaredRoutes(
  discovery: DiscoveryService,
  scanner: MetadataScanner,
  reflector: Reflector,
): UndeclaredRoute[] {
  const out: UndeclaredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance) continue;
    const proto = Object.getPrototypeOf(instance) as object;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = (proto as Record<string, unknown>)[name] as (
        ...args: unknown[]
      ) => unknown;
      // only route handlers (@Get, @Post, …) carry a request method
      if (
        Reflect.getMetadata(METHOD_METADATA, handler) === undefined ||
        Reflect.getMetadata(PATH_METADATA, handler) === undefined
      )
        continue;
      const targets = [handler, instance.constructor];
      if (
        reflector.getAllAndOverride(PUBLIC_KEY, targets) ||
        reflector.getAllAndOverride(ACCESS_KEY, targets)
      )
        continue;
      out.push({ controller: instance.constructor.name, handler: name });
    }
  }
  return out;
}

/** Refuses to start an API with a route that declares no access. */
@Injectable()
export class RouteAccessCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const missing = undeclaredRoutes(
      this.discovery,
      this.scanner,
      this.reflector,
    );
    if (missing.length)
      throw new Error(
        `Routes without @Access(...) or @Public(): ${missing
          .map((r) => `${r.controller}.${r.handler}`)
          .join(', ')}`,
      );
  }
}
