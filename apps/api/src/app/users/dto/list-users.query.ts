import { ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@onewindow/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PaginationDto } from '../../common/dto/pagination.dto';

export class ListUsersQuery extends PaginationDto {
  @ApiPropertyOptional({
    description:
      'Only the users of this hall (a hall manager: its own hall, which is also the default)',
    example: '11111111-1111-4111-8111-111111111111',
  })
  @IsOptional()
  @IsUUID('all', { message: 'hallId must be a UUID' })
  hallId?: string;

  @ApiPropertyOptional({ enum: ROLES, example: 'clerk' })
  @IsOptional()
  @IsIn(ROLES, { message: `role must be one of: ${ROLES.join(', ')}` })
  role?: Role;
}
