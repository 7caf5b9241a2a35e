import { ApiHideProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';

/** Name, skills, active. A role changes only through a reassignment, which records the move. */
export class UpdateStaffDto {
  @ApiPropertyOptional({ example: '王丽' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ example: ['social_security', 'medical_insurance'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[a-z_]{2,40}$/, {
    each: true,
    message: 'skills must hold category codes',
  })
  skills?: string[];

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  /** Declared only to answer with a useful message instead of "not an allowed field". */
  @ApiHideProperty()
  @IsEmpty({
    message:
      'role changes through a reassignment: POST /halls/{hallId}/reassignments',
  })
  role?: never;
}
