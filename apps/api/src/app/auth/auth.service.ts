import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { LoginResponse, Role, UserView } from '@onewindow/contracts';
import {
  DeviceEntity,
  DeviceQueries,
  UserEntity,
} from '@onewindow/persistence';
import { AppConfig } from '@onewindow/server-core';
import { Repository } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { hashDeviceToken, looksLikeDeviceToken } from './device-token';
import { PasswordHasher } from './password-hasher';
import type { Principal, UserPrincipal } from './principal';

interface JwtClaims {
  sub: string;
  role: Role;
  /** passwordStamp of the password the token was issued for: a new password ends old sessions */
  pwd: string;
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
    private readonly deviceQueries: DeviceQueries,
    private readonly jwt: JwtService,
    private readonly hasher: PasswordHasher,
    private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<LoginResponse> {
    const user = await this.users.findOne({ where: { username } });
    const ok = await this.hasher.verify(password, user?.passwordHash ?? null);
    if (!user || !ok || !user.active)
      throw DomainError.unauthenticated('Wrong username or password');
    const claims: JwtClaims = {
      sub: user.id,
      role: user.role,
      pwd: this.passwordStamp(user.passwordHash),
    };
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
      // one indexed read: this runs on every kiosk, sensor and board request
      const device = await this.deviceQueries.activeByTokenHash(
        hashDeviceToken(token),
      );
      if (!device)
        throw DomainError.unauthenticated('Unknown or revoked device token');
      const now = Date.now();
      if (
        !device.last_seen_at ||
        now - device.last_seen_at.getTime() > LAST_SEEN_RESOLUTION_MS
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
        hallId: device.hall_id,
        name: device.name,
        windowId: device.window_id,
      };
    }
    let claims: JwtClaims;
    try {
      claims = await this.jwt.verifyAsync<JwtClaims>(token);
    } catch {
      throw DomainError.unauthenticated('Invalid or expired token');
    }
    const user = await this.users.findOne({ where: { id: claims.sub } });
    if (!user || !user.active)
      throw DomainError.unauthenticated('Unknown or disabled user');
    if (claims.pwd !== this.passwordStamp(user.passwordHash))
      throw DomainError.unauthenticated(
        'The password was changed: sign in again',
      );
    return toUserPrincipal(user);
  }

  /**
   * A short keyed digest of the stored password hash (HMAC with the token secret, so the token
   * reveals nothing of the hash); it changes with every new password.
   */
  private passwordStamp(passwordHash: string): string {
    return createHmac('sha256', this.config.JWT_SECRET)
      .update(passwordHash)
      .digest('base64url')
      .slice(0, 16);
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
