import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ListWindowsQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: 'Also list retired windows',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'includeRetired must be true or false' })
  includeRetired?: 'true' | 'false';
}
