import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES } from '@onewindow/contracts';
import type {
  CategoryView,
  ListResponse,
  ServiceItemView,
} from '@onewindow/contracts';
import { Access } from '../auth/access.decorator';
import { DirectoryService } from './directory.service';
import { SearchItemsQuery } from './dto/search-items.query';

@ApiTags('Directory')
@ApiBearerAuth()
@Controller()
export class CatalogController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('categories')
  @Access({ devices: ['kiosk', 'display'] })
  @ApiOperation({ summary: 'Categories of the province-wide catalog' })
  categories(): Promise<CategoryView[]> {
    return this.directory.listCategories();
  }

  @Get('service-items')
  @Access({ roles: [...ROLES] })
  @ApiOperation({
    summary: 'Service items, optionally of one category, ranked for q',
  })
  items(@Query() q: SearchItemsQuery): Promise<ListResponse<ServiceItemView>> {
    return this.directory.searchItems(q);
  }

  @Get('halls/:hallId/service-items')
  @Access({ hall: { param: 'hallId', level: 'read' }, devices: ['kiosk'] })
  @ApiOperation({
    summary:
      'Kiosk search: the items a hall offers, ranked for q (Chinese, no spaces needed)',
  })
  hallItems(
    @Param('hallId') _hallId: string,
    @Query() q: SearchItemsQuery,
  ): Promise<ListResponse<ServiceItemView>> {
    return this.directory.searchItems(q);
  }
}
