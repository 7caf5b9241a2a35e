import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { IsCalendarDate } from '../../common/dto/calendar-date';
import { PaginationDto } from '../../common/dto/pagination.dto';

export class AuditQueryDto extends PaginationDto {
  @ApiPropertyOptional({
    description:
      "A hall's entries (a hall manager: its own hall, the default; an admin: any hall, or every entry without it)",
    example: '6f1c8a52-6c3e-4b7a-9b1e-2f8d0c4a1e10',
  })
  @IsOptional()
  @IsUUID('all', { message: 'hallId must be a UUID' })
  hallId?: string;

  @ApiPropertyOptional({
    description: 'First day (YYYY-MM-DD, Asia/Shanghai), inclusive',
    example: '2020-01-01',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    description: 'Last day (YYYY-MM-DD, Asia/Shanghai), inclusive',
    example: '2020-12-31',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({
    description: 'Only entries about this kind of thing',
    example: 'window',
  })
  @IsOptional()
  @Matches(/^[a-z_]{1,40}$/, { message: 'entityType must be a word' })
  entityType?: string;
}
