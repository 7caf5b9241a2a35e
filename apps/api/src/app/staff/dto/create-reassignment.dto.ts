import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STAFF_ROLES, type StaffRole } from '@onewindow/contracts';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../common/dto/calendar-date';

export class CreateReassignmentDto {
  @ApiProperty({ example: '5b0f3c2e-8c1a-4d2e-9f3b-1c2d3e4f5a6b' })
  @IsUUID('all', { message: 'staffId must be a UUID' })
  staffId!: string;

  @ApiProperty({ enum: STAFF_ROLES, example: 'self_service_guide' })
  @IsIn(STAFF_ROLES)
  toRole!: StaffRole;

  @ApiPropertyOptional({ example: '三楼自助服务区' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  toPlace?: string;

  @ApiProperty({
    description:
      'The day the move took effect (YYYY-MM-DD, Asia/Shanghai): never after today, and after every move already recorded for this person',
    example: '2020-04-01',
  })
  @IsCalendarDate()
  effectiveDate!: string;

  @ApiPropertyOptional({
    example: '窗口精简,转岗自助服务区,肩并肩教群众"网上办""掌上办"',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
