import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { UserView } from '@onewindow/contracts';
import { Access, Actor, CurrentActor } from '../auth/access.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { UsersService } from './users.service';

@ApiTags('Directory')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Access({ roles: ['admin', 'hall_manager'] })
  @ApiOperation({
    summary:
      'Create a user (admin; a hall manager may create clerks of its own hall)',
  })
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateUserDto,
  ): Promise<UserView> {
    return this.users.create(actor, dto);
  }
}
