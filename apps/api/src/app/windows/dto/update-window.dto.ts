import { ApiPropertyOptional } from '@nestjs/swagger';
import { WINDOW_MODES, type WindowMode } from '@onewindow/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  Matches,
} from 'class-validator';

export class UpdateWindowDto {
  @ApiPropertyOptional({ enum: WINDOW_MODES, example: 'comprehensive' })
  @IsOptional()
  @IsIn(WINDOW_MODES)
  mode?: WindowMode;

  @ApiPropertyOptional({ example: ['social_security', 'medical_insurance'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[a-z_]{2,40}$/, {
    each: true,
    message: 'categoryCodes must hold category codes',
  })
  categoryCodes?: string[];
}
