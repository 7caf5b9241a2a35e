/**
 * Specialist categories: a category whose business needs staff that comprehensive windows do not
 * have (vehicles and licences, real estate…). The catalog flags them (CategoryView.specialist); a
 * hall may override the catalog with its own list.
 */

/** Where a hall's specialist categories come from: the catalog's flags, or the hall's own list. */
export type SpecialistSource = 'catalog' | 'hall';

/** A catalog category as a hall sees it. */
export interface HallCategorySpecialist {
  code: string;
  name: string;
  /** Specialist in this hall (the catalog's flag, or whether the hall's own list names it). */
  specialist: boolean;
}

/** `GET`/`PUT /halls/{hallId}/specialist-categories`: every catalog category, in catalog order. */
export interface HallSpecialistCategories {
  hallId: string;
  source: SpecialistSource;
  categories: HallCategorySpecialist[];
}

/**
 * `PUT /halls/{hallId}/specialist-categories`: `codes` sets exactly these categories specialist in
 * the hall (duplicates ignored; every code must be a catalog category); null makes the hall follow
 * the catalog again.
 */
export interface SetSpecialistCategoriesRequest {
  codes: string[] | null;
}
