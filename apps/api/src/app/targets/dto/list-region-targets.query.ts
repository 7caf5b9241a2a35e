import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PaginationDto } from '../../common/dto/pagination.dto';

export class ListRegionTargetsQuery extends PaginationDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description:
      'Also list the targets of the regions and halls below this region',
  })
  @IsOptional()
  @IsIn(['true', 'false'], {
    message: 'includeChildren must be true or false',
  })
  includeChildren?: 'true' | 'false';
}
