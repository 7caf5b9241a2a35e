import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** `?fileName=` of an upload: the name the file had, shown in lists (optional). */
export class UploadImportQuery {
  @ApiPropertyOptional({ example: 'fuyang-2020-03.csv', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^[^\\/\p{Cc}]+$/u, {
    message:
      '$property must be a plain file name (no path, no control characters)',
  })
  fileName?: string;
}
