import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { HallQueueRules } from '@onewindow/contracts';
import { Access, Actor, CurrentActor } from '../auth/access.decorator';
import { SetQueueRulesDto } from './dto/set-queue-rules.dto';
import { HALL_QUEUE_RULES_EXAMPLE } from './openapi-examples';
import { QueueRulesService } from './queue-rules.service';

const DESCRIPTION =
  'How the windows of a hall mix the green channel (priority and appointment tickets) with normal tickets. ' +
  'A window calls priority tickets first, but after priorityStreakCap priority calls in a row it calls its oldest normal ticket, ' +
  'and a normal ticket that has waited normalMaxWaitMinutes goes before any priority one. ' +
  "The next call of every window and every waiting ticket's place and estimate follow the hall's rules at once.";

@ApiTags('Directory')
@ApiBearerAuth()
@Controller('halls/:hallId/queue-rules')
export class QueueRulesController {
  constructor(private readonly rules: QueueRulesService) {}

  @Get()
  @Access({ hall: { param: 'hallId', level: 'read' } })
  @ApiOperation({
    summary: "A hall's queue rules (green channel)",
    description: DESCRIPTION,
  })
  @ApiOkResponse({ schema: { example: HALL_QUEUE_RULES_EXAMPLE } })
  get(@Param('hallId') hallId: string): Promise<HallQueueRules> {
    return this.rules.get(hallId);
  }

  @Put()
  @Access({
    roles: ['admin', 'hall_manager'],
    hall: { param: 'hallId', level: 'manage' },
  })
  @ApiOperation({
    summary: "Set the hall's queue rules (manager)",
    description:
      DESCRIPTION +
      ' Both fields are required whole numbers: priorityStreakCap 1–20, normalMaxWaitMinutes 5–480; ' +
      'otherwise a 400 naming the field, and nothing changes.',
  })
  @ApiOkResponse({ schema: { example: HALL_QUEUE_RULES_EXAMPLE } })
  set(
    @CurrentActor() actor: Actor,
    @Param('hallId') hallId: string,
    @Body() dto: SetQueueRulesDto,
  ): Promise<HallQueueRules> {
    return this.rules.set(actor, hallId, dto);
  }
}
