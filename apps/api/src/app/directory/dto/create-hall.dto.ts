import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HALL_KINDS, type HallKind } from '@onewindow/contracts';
import {
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export class CreateHallDto {
  @ApiProperty({ example: '杭州市富阳区行政服务中心' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '330111' })
  @Matches(/^\d{6,12}$/, {
    message: 'regionCode must be an administrative division code (6–12 digits)',
  })
  regionCode!: string;

  @ApiProperty({ enum: HALL_KINDS, example: 'county_center' })
  @IsIn(HALL_KINDS)
  kind!: HallKind;

  @ApiPropertyOptional({ example: 'Asia/Shanghai', default: 'Asia/Shanghai' })
  @IsOptional()
  @IsIn(['Asia/Shanghai'], { message: 'timezone must be Asia/Shanghai' })
  timezone?: string;
}
