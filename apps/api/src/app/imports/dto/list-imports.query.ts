import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IMPORT_KINDS,
  IMPORT_STATES,
  type ImportKind,
  type ImportState,
} from '@onewindow/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { PaginationDto } from '../../common/dto/pagination.dto';

/** `?kind=&state=&limit=&offset=` of the imports of a hall. */
export class ListImportsQuery extends PaginationDto {
  @ApiPropertyOptional({ enum: IMPORT_KINDS })
  @IsOptional()
  @IsIn(IMPORT_KINDS)
  kind?: ImportKind;

  @ApiPropertyOptional({ enum: IMPORT_STATES })
  @IsOptional()
  @IsIn(IMPORT_STATES)
  state?: ImportState;
}
