import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DEVICE_KINDS,
  type DeviceCreate,
  type DeviceKind,
} from '@onewindow/contracts';
import {
  IsIn,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';

export class CreateDeviceDto implements DeviceCreate {
  @ApiProperty({ enum: DEVICE_KINDS, example: 'kiosk' })
  @IsIn(DEVICE_KINDS)
  kind!: DeviceKind;

  @ApiProperty({ example: '一楼取号机 1' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The window a rating pad (kind rater) stands at; only for raters',
  })
  @ValidateIf(
    (o: CreateDeviceDto) => o.kind === 'rater' || o.windowId !== undefined,
  )
  @IsUUID('all', {
    message: 'windowId must be a window id (a rater needs one)',
  })
  windowId?: string;
}
