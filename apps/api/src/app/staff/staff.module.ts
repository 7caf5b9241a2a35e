import { Module } from '@nestjs/common';
import { ReassignmentsController } from './reassignments.controller';
import { ReassignmentsService } from './reassignments.service';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';

@Module({
  controllers: [StaffController, ReassignmentsController],
  providers: [StaffService, ReassignmentsService],
})
export class StaffModule {}
