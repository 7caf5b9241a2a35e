import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class TransferTicketDto {
  @ApiProperty({ example: 'MI-0001' })
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, {
    message: 'serviceItemCode must be a service item code',
  })
  serviceItemCode!: string;
}
