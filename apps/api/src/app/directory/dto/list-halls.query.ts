import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PaginationDto } from '../../common/dto/pagination.dto';

export class ListHallsQuery extends PaginationDto {
  @ApiPropertyOptional({
    description: 'Region code: lists the halls of its whole subtree',
    example: '330000',
  })
  @IsOptional()
  @Matches(/^\d{6,12}$/, {
    message: 'region must be an administrative division code (6–12 digits)',
  })
  region?: string;
}
