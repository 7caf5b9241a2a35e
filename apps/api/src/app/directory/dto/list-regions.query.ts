import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PaginationDto } from '../../common/dto/pagination.dto';

export class ListRegionsQuery extends PaginationDto {
  @ApiPropertyOptional({
    description: 'Parent region code; omitted: the top-level regions',
    example: '330000',
  })
  @IsOptional()
  @Matches(/^\d{6,12}$/, {
    message: 'parent must be an administrative division code (6–12 digits)',
  })
  parent?: string;
}
