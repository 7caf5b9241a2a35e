import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STAFF_ROLES, type StaffRole } from '@onewindow/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';

/** Roles a new staff member may start in ('left' is where people go, not where they start). */
export const STARTING_ROLES = STAFF_ROLES.filter((r) => r !== 'left');

export class CreateStaffDto {
  @ApiProperty({ example: '王丽' })
  @IsString()
  @MaxLength(100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name!: string;

  @ApiProperty({ enum: STARTING_ROLES, example: 'department_clerk' })
  @IsIn(STARTING_ROLES, {
    message: `role must be one of: ${STARTING_ROLES.join(', ')}`,
  })
  role!: StaffRole;

  @ApiPropertyOptional({
    description: 'Category codes the person can handle',
    example: ['social_security', 'medical_insurance'],
    default: [],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[a-z_]{2,40}$/, {
    each: true,
    message: 'skills must hold category codes',
  })
  skills?: string[];
}
