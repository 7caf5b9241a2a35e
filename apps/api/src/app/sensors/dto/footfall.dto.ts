import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsISO8601,
  IsOptional,
  Matches,
  Max,
  Min,
} from 'class-validator';

const WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

export class FootfallDto {
  @ApiProperty({ example: 'door-north' })
  @Matches(/^[A-Za-z0-9._:-]{1,64}$/, {
    message: 'sensorId must be 1–64 letters, digits, . _ : or -',
  })
  sensorId!: string;

  @ApiProperty({ example: '2020-08-31T09:00:00+08:00' })
  @IsISO8601(
    { strict: true },
    { message: 'periodStart must be an ISO 8601 time' },
  )
  @Matches(WITH_OFFSET, { message: 'periodStart must carry a UTC offset' })
  periodStart!: string;

  @ApiProperty({ example: '2020-08-31T09:15:00+08:00' })
  @IsISO8601(
    { strict: true },
    { message: 'periodEnd must be an ISO 8601 time' },
  )
  @Matches(WITH_OFFSET, { message: 'periodEnd must carry a UTC offset' })
  periodEnd!: string;

  @ApiProperty({ example: 42, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  entries!: number;

  @ApiPropertyOptional({ example: 37, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  exits?: number;
}
