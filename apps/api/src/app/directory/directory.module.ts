import { Module } from '@nestjs/common';
import { CatalogController } from './catalog.controller';
import { DirectoryService } from './directory.service';
import { HallsController } from './halls.controller';
import { QueueRulesController } from './queue-rules.controller';
import { QueueRulesService } from './queue-rules.service';
import { RegionsController } from './regions.controller';
import { SpecialistCategoriesController } from './specialist-categories.controller';
import { SpecialistCategoriesService } from './specialist-categories.service';

@Module({
  controllers: [
    RegionsController,
    HallsController,
    CatalogController,
    SpecialistCategoriesController,
    QueueRulesController,
  ],
  providers: [DirectoryService, SpecialistCategoriesService, QueueRulesService],
  exports: [DirectoryService],
})
export class DirectoryModule {}
