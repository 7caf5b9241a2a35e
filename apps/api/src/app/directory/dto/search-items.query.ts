import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, Max, MaxLength } from 'class-validator';
import { PaginationDto } from '../../common/dto/pagination.dto';

/** The kiosk search: `?q=&category=`, paginated, at most 100 (20 by default) a page. */
export class SearchItemsQuery extends PaginationDto {
  @ApiPropertyOptional({
    description:
      'What the citizen typed (Chinese, no spaces needed) or an item code',
    example: '医保卡余额给家人用',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ example: 'medical_insurance' })
  @IsOptional()
  @Matches(/^[a-z_]{2,40}$/, { message: 'category must be a category code' })
  category?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @Max(100)
  override limit = 20;
}
