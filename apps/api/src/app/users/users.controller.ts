import {
  Body,
  Controller,
  Get,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { ListResponse, UserView } from '@onewindow/contracts';
import {
  Access,
  Actor,
  CurrentActor,
  CurrentPrincipal,
} from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UpdateUserDto } from './dto/update-user.dto';
import { USER_EXAMPLE, USER_LIST_EXAMPLE } from './openapi-examples';
import { UsersService } from './users.service';

const userIdPipe = new UuidParamPipe('id');

@ApiTags('Directory')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Access({ roles: ['admin', 'hall_manager'] })
  @ApiOperation({
    summary:
      'Users, by username (admin: all, filtered by hall and role; a hall manager: its own hall)',
  })
  @ApiOkResponse({ schema: { example: USER_LIST_EXAMPLE } })
  list(
    @CurrentPrincipal() p: Principal,
    @Query() q: ListUsersQuery,
  ): Promise<ListResponse<UserView>> {
    return this.users.list(p, q);
  }

  @Post()
  @Access({ roles: ['admin', 'hall_manager'] })
  @ApiOperation({
    summary:
      'Create a user (admin; a hall manager may create clerks of its own hall)',
  })
  @ApiCreatedResponse({
    schema: {
      example: {
        id: USER_EXAMPLE.id,
        username: USER_EXAMPLE.username,
        role: USER_EXAMPLE.role,
        hallId: USER_EXAMPLE.hallId,
      },
    },
  })
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateUserDto,
  ): Promise<UserView> {
    return this.users.create(actor, dto);
  }

  @Patch(':id')
  @Access({ roles: ['admin', 'hall_manager'] })
  @ApiOperation({
    summary:
      'Enable or disable a login, or set a new password (admin: anyone; a hall manager: the clerks of its own hall; nobody disables themself)',
  })
  @ApiOkResponse({ schema: { example: USER_EXAMPLE } })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', userIdPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(actor, id, dto);
  }
}
