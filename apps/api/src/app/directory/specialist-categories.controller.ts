import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { HallSpecialistCategories } from '@onewindow/contracts';
import { Access, Actor, CurrentActor } from '../auth/access.decorator';
import { SetSpecialistCategoriesDto } from './dto/set-specialist-categories.dto';
import { HALL_SPECIALISTS_EXAMPLE } from './openapi-examples';
import { SpecialistCategoriesService } from './specialist-categories.service';

const DESCRIPTION =
  "A specialist category's business needs staff that comprehensive windows do not have (vehicles and licences, real estate…). " +
  "source catalog: the hall follows the catalog's flags; source hall: exactly the categories of the hall's own list are specialist. " +
  'Every catalog category, in catalog order, with its effective flag in the hall.';

@ApiTags('Directory')
@ApiBearerAuth()
@Controller('halls/:hallId/specialist-categories')
export class SpecialistCategoriesController {
  constructor(private readonly specialists: SpecialistCategoriesService) {}

  @Get()
  @Access({ hall: { param: 'hallId', level: 'read' } })
  @ApiOperation({
    summary: 'Which categories are specialist in a hall',
    description: DESCRIPTION,
  })
  @ApiOkResponse({ schema: { example: HALL_SPECIALISTS_EXAMPLE } })
  get(@Param('hallId') hallId: string): Promise<HallSpecialistCategories> {
    return this.specialists.get(hallId);
  }

  @Put()
  @Access({
    roles: ['admin', 'hall_manager'],
    hall: { param: 'hallId', level: 'manage' },
  })
  @ApiOperation({
    summary:
      "Set the hall's specialist categories (codes), or follow the catalog again (null) (manager)",
    description:
      DESCRIPTION +
      ' Duplicates are ignored; an unknown code is a 400 naming it, and nothing changes.',
  })
  @ApiOkResponse({ schema: { example: HALL_SPECIALISTS_EXAMPLE } })
  set(
    @CurrentActor() actor: Actor,
    @Param('hallId') hallId: string,
    @Body() dto: SetSpecialistCategoriesDto,
  ): Promise<HallSpecialistCategories> {
    return this.specialists.set(actor, hallId, dto.codes);
  }
}
