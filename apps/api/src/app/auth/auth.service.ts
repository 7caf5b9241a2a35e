import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { LoginResponse, Role, UserView } from '@onewindow/contracts';
import { DeviceEntity, UserEntity } from '@onewindow/persistence';
import { AppConfig } from '@onewindow/server-core';
import { IsNull, Repository } from 'typeorm';
import { ApiErrorException } from '../common/api-error.exception';
import { hashDeviceToken, looksLikeDeviceToken } from './device-token';
import { PasswordHasher } from './password-hasher';
import type { Principal, UserPrincipal } from './principal';

interface JwtClaims {
  sub: string;
  role: Role;
}

/** Only touch devices.last_seen_at when it is older than this, to keep device calls cheap. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity)
    private readonly users: Repository<UserEntity>,
    @InjectRepository(DeviceEntity)
    private readonly devices: Repository<DeviceEntity>,
    private readonly jwt: JwtService,
    private readonly hasher: PasswordHasher,
    private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<LoginResponse> {
    const user = await this.users.findOne({ where: { username } });
    const ok = await this.hasher.verify(password, user?.passwordHash ?? null);
    if (!user || !ok || !user.active)
      throw ApiErrorException.unauthorized('Wrong username or password');
    const claims: JwtClaims = { sub: user.id, role: user.role };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.JWT_TTL_SECONDS,
    });
    return {
      accessToken,
      expiresIn: this.config.JWT_TTL_SECONDS,
      user: toUserView(user),
    };
  }

  /** Resolves a bearer token to a principal, or throws 401. */
  async authenticate(token: string): Promise<Principal> {
    if (looksLikeDeviceToken(token)) {
      const device = await this.devices.findOne({
        where: { tokenHash: hashDeviceToken(token), revokedAt: IsNull() },
      });
      if (!device)
        throw ApiErrorException.unauthorized('Unknown or revoked device token');
      const now = Date.now();
      if (
        !device.lastSeenAt ||
        now - device.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS
      ) {
        await this.devices.update(
          { id: device.id },
          { lastSeenAt: new Date(now) },
        );
      }
      return {
        type: 'device',
        id: device.id,
        kind: device.kind,
        hallId: device.hallId,
        name: device.name,
      };
    }
    let claims: JwtClaims;
    try {
      claims = await this.jwt.verifyAsync<JwtClaims>(token);
    } catch {
      throw ApiErrorException.unauthorized('Invalid or expired token');
    }
    const user = await this.users.findOne({ where: { id: claims.sub } });
    if (!user || !user.active)
      throw ApiErrorException.unauthorized('Unknown or disabled user');
    return toUserPrincipal(user);
  }
}

export function toUserPrincipal(user: UserEntity): UserPrincipal {
  return {
    type: 'user',
    id: user.id,
    username: user.username,
    role: user.role,
    hallId: user.hallId ?? null,
    regionCode: user.regionCode ?? null,
  };
}

export function toUserView(user: UserEntity): UserView {
  const view: UserView = {
    id: user.id,
    username: user.username,
    role: user.role,
  };
  if (user.hallId) view.hallId = user.hallId;
  if (user.regionCode) view.regionCode = user.regionCode;
  return view;
}
