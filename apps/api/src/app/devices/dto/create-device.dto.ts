import { ApiProperty } from '@nestjs/swagger';
import { DEVICE_KINDS, type DeviceKind } from '@onewindow/contracts';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

export class CreateDeviceDto {
  @ApiProperty({ enum: DEVICE_KINDS, example: 'kiosk' })
  @IsIn(DEVICE_KINDS)
  kind!: DeviceKind;

  @ApiProperty({ example: '一楼取号机 1' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;
}
