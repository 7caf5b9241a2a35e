import { Module } from '@nestjs/common';
import { CatalogController } from './catalog.controller';
import { DirectoryService } from './directory.service';
import { HallsController } from './halls.controller';
import { RegionsController } from './regions.controller';
import { SpecialistCategoriesController } from './specialist-categories.controller';
import { SpecialistCategoriesService } from './specialist-categories.service';

@Module({
  controllers: [
    RegionsController,
    HallsController,
    CatalogController,
    SpecialistCategoriesController,
  ],
  providers: [DirectoryService, SpecialistCategoriesService],
  exports: [DirectoryService],
})
export class DirectoryModule {}
