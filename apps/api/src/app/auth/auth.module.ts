import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeviceEntity, UserEntity } from '@onewindow/persistence';
import { AppConfig } from '@onewindow/server-core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { RouteAccessCheck } from './route-access.check';
import { ScopeService } from './scope.service';

@Global()
@Module({
  imports: [
    DiscoveryModule,
    TypeOrmModule.forFeature([UserEntity, DeviceEntity]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        // a KeyObject once, instead of the string secret that jsonwebtoken re-parses on every call
        const key = createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8'));
        return {
          secretOrKeyProvider: () => key,
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    PasswordHasher,
    ScopeService,
    { provide: APP_GUARD, useClass: AuthGuard },
    RouteAccessCheck,
  ],
  exports: [AuthService, PasswordHasher, ScopeService],
})
export class AuthModule {}
