import { Injectable } from '@nestjs/common';
import { RegionQueries, type Queryable } from '@onewindow/persistence';
import { DomainError } from '../common/domain-error';
import type { HallAccessLevel, Principal } from './principal';

/** Where a principal may act: halls by role, region subtrees for the reform office. */
@Injectable()
export class ScopeService {
  constructor(private readonly regions: RegionQueries) {}

  /**
   * Throws 404 for an unknown hall, 403 when the principal may not act on it at that level. Inside
   * a transaction, pass its manager as `tx`: the lookups then run on the transaction's connection
   * instead of taking a second one from the pool (with every pooled connection held by a
   * transaction waiting for another, the pool would starve until its timeout: 503s under load).
   */
  async assertHall(
    principal: Principal,
    hallId: string,
    level: HallAccessLevel,
    tx?: Queryable,
  ): Promise<void> {
    const hallBound =
      principal.type === 'device' ||
      principal.role === 'hall_manager' ||
      principal.role === 'clerk';
    // a device, manager or clerk on its own hall: the hall exists (foreign key) and the role alone
    // decides, so the hot kiosk and window paths need no lookup
    if (
      hallBound &&
      principal.hallId === hallId &&
      ownHallAllows(principal, level)
    )
      return;
    const regions = tx ? this.regions.on(tx) : this.regions;
    const regionCode = await regions.regionOfHall(hallId);
    if (regionCode === undefined) throw DomainError.notFound('Hall');
    if (
      hallBound ||
      !(await this.regionAllows(principal, regionCode, level, regions))
    ) {
      throw DomainError.forbidden('This hall is outside your scope');
    }
  }

  /** Admins everywhere; the reform office reads the halls of its region subtree. */
  private async regionAllows(
    p: Principal,
    regionCode: string,
    level: HallAccessLevel,
    regions: RegionQueries,
  ): Promise<boolean> {
    if (p.type !== 'user') return false;
    if (p.role === 'admin') return true;
    return (
      p.role === 'reform_office' &&
      level === 'read' &&
      !!p.regionCode &&
      (await this.isInSubtree(regionCode, p.regionCode, regions))
    );
  }

  /**
   * Reading a region's figures: admins anywhere, the reform office within its subtree; 404 for an
   * unknown region, 403 for everyone else.
   */
  async assertRegionRead(p: Principal, code: string): Promise<void> {
    if (!(await this.regions.exists(code)))
      throw DomainError.notFound('Region');
    if (p.type === 'user' && p.role === 'admin') return;
    if (
      p.type === 'user' &&
      p.role === 'reform_office' &&
      !!p.regionCode &&
      (await this.isInSubtree(code, p.regionCode))
    )
      return;
    throw DomainError.forbidden('This region is outside your scope');
  }

  /** True when `code` is `root` or lies below it. */
  async isInSubtree(
    code: string,
    root: string,
    regions = this.regions,
  ): Promise<boolean> {
    if (code === root) return true;
    return regions.hasAncestor(code, root);
  }

  /** The region codes of a subtree (root included). */
  subtree(root: string): Promise<string[]> {
    return this.regions.subtree(root);
  }
}

/** On its own hall: everyone reads and operates; only its manager manages. */
function ownHallAllows(p: Principal, level: HallAccessLevel): boolean {
  return level !== 'manage' || (p.type === 'user' && p.role === 'hall_manager');
}
