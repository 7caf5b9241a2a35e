import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { LoginResponse } from '@onewindow/contracts';
import { Public } from './access.decorator';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';

/**
 * The account a login names, as the per-account limit counts it: trimmed, NFKC-folded (full-width
 * letters) and lower-cased, so variants of one username share one budget.
 */
export function loginAccountTracker(req: Record<string, unknown>): string {
  const body = req['body'] as { username?: unknown } | undefined;
  const username = typeof body?.username === 'string' ? body.username : '';
  return `account:${username.normalize('NFKC').trim().toLowerCase()}`;
}

@ApiTags('Authentication')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  // per client address (`login`) and per account (`login-account`)
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ device: true, public: true })
  @Throttle({ 'login-account': { getTracker: loginAccountTracker } })
  @ApiOperation({
    summary: 'Log in a person; returns a JWT for `Authorization: Bearer`',
  })
  login(@Body() dto: LoginDto): Promise<LoginResponse> {
    return this.auth.login(dto.username, dto.password);
  }
}
