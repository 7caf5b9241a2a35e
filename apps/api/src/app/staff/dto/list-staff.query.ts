import { ApiPropertyOptional } from '@nestjs/swagger';
import { STAFF_ROLES, type StaffRole } from '@onewindow/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { PaginationDto } from '../../common/dto/pagination.dto';

export class ListStaffQuery extends PaginationDto {
  @ApiPropertyOptional({ enum: STAFF_ROLES, example: 'comprehensive_clerk' })
  @IsOptional()
  @IsIn(STAFF_ROLES)
  role?: StaffRole;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'Only active (true) or only inactive (false) staff; both when omitted',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'active must be true or false' })
  active?: 'true' | 'false';
}
