import { ApiProperty } from '@nestjs/swagger';
import type { SetSpecialistCategoriesRequest } from '@onewindow/contracts';
import { IsArray, IsString, ValidateIf } from 'class-validator';

/**
 * `codes`: exactly these categories are specialist in the hall (duplicates ignored; each must be a
 * catalog category, and there may be no more codes than catalog categories: checked by the
 * service); null: the hall follows the catalog's flags again. The field is required.
 */
export class SetSpecialistCategoriesDto
  implements SetSpecialistCategoriesRequest
{
  @ApiProperty({
    type: [String],
    nullable: true,
    example: ['police_vehicles', 'real_estate'],
    description:
      "Category codes specialist in this hall; null: follow the catalog's flags",
  })
  @ValidateIf((_: object, v: unknown) => v !== null)
  @IsArray({ message: 'codes must be an array of category codes, or null' })
  @IsString({ each: true, message: 'codes must hold category codes (strings)' })
  codes!: string[] | null;
}
