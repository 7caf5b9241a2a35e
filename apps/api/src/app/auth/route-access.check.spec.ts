import { Controller, Get, Post } from '@nestjs/common';
import {
  DiscoveryModule,
  DiscoveryService,
  MetadataScanner,
  Reflector,
} from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Access, Public } from './access.decorator';
import { RouteAccessCheck, undeclaredRoutes } from './route-access.check';

@Controller('declared')
class Declared {
  @Get()
  @Access({ roles: ['admin'] })
  list(): string {
    return 'ok';
  }

  @Get('open')
  @Public()
  open(): string {
    return 'ok';
  }

  /** not a route: no check */
  helper(): string {
    return 'x';
  }
}

@Controller('public')
@Public()
class WholeControllerPublic {
  @Get()
  any(): string {
    return 'ok';
  }
}

@Controller('forgotten')
class Forgotten {
  @Post()
  create(): string {
    return 'ok';
  }
}

async function routesOf(...controllers: (new () => unknown)[]) {
  const module = await Test.createTestingModule({
    imports: [DiscoveryModule],
    controllers,
  }).compile();
  return {
    missing: undeclaredRoutes(
      module.get(DiscoveryService),
      module.get(MetadataScanner),
      module.get(Reflector),
    ),
    check: new RouteAccessCheck(
      module.get(DiscoveryService),
      module.get(MetadataScanner),
      module.get(Reflector),
    ),
  };
}

describe('RouteAccessCheck', () => {
  it('passes routes that declare @Access or @Public, on the handler or the controller', async () => {
    const { missing, check } = await routesOf(Declared, WholeControllerPublic);
    expect(missing).toEqual([]);
    expect(() => check.onModuleInit()).not.toThrow();
  });

  it('names a route that declares neither, and stops the start', async () => {
    const { missing, check } = await routesOf(Declared, Forgotten);
    expect(missing).toEqual([{ controller: 'Forgotten', handler: 'create' }]);
    expect(() => check.onModuleInit()).toThrow(/Forgotten\.create/);
  });
});
