import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class WindowHistoryQuery {
  @ApiProperty({ example: '2016-01-01' })
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'from must be a real date' })
  from!: string;

  @ApiProperty({ example: '2020-12-31' })
  @Matches(DATE, { message: 'to must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'to must be a real date' })
  to!: string;
}
