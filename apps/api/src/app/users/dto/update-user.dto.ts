import { ApiHideProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmpty,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';

/** Absent: unchanged. Neither field may be null. */
const present = (_: object, v: unknown) => v !== undefined;

/** Enable or disable a login, or set a new password. Username, role and scope do not change. */
export class UpdateUserDto {
  @ApiPropertyOptional({
    example: false,
    description:
      'false: the person can no longer log in, and tokens already issued stop working',
  })
  @ValidateIf(present)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    example: 'a-new-long-passphrase',
    minLength: 10,
    description:
      'A new password (never echoed, never written to the audit log)',
  })
  @ValidateIf(present)
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(200)
  password?: string;

  /** Declared only to answer with a useful message instead of "not an allowed field". */
  @ApiHideProperty()
  @IsEmpty({
    message:
      'role and scope do not change: create a new user and disable this one',
  })
  role?: never;
}
