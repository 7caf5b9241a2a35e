import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@onewindow/contracts';
import {
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export class CreateUserDto {
  @ApiProperty({ example: 'fuyang-clerk-2' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
    message: 'username must be 3–64 lower-case letters, digits, . _ or -',
  })
  username!: string;

  @ApiProperty({ example: 'a-long-passphrase', minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(200)
  password!: string;

  @ApiProperty({ enum: ROLES, example: 'clerk' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ description: 'Required for hall_manager and clerk' })
  @IsOptional()
  @IsUUID()
  hallId?: string;

  @ApiPropertyOptional({
    description: 'Required for reform_office',
    example: '330100',
  })
  @IsOptional()
  @Matches(/^\d{6,12}$/, {
    message: 'regionCode must be an administrative division code (6–12 digits)',
  })
  regionCode?: string;
}
