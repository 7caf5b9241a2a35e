import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import type { HallAccessLevel, Principal } from './principal';

/** Where a principal may act: halls by role, region subtrees for the reform office. */
@Injectable()
export class ScopeService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Throws 404 for an unknown hall, 403 when the principal may not act on it at that level. */
  async assertHall(
    principal: Principal,
    hallId: string,
    level: HallAccessLevel,
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
    const rows: { region_code: string }[] = await this.db.query(
      'SELECT region_code FROM halls WHERE id = $1',
      [hallId],
    );
    if (!rows.length) throw DomainError.notFound('Hall');
    if (
      hallBound ||
      !(await this.regionAllows(principal, rows[0].region_code, level))
    ) {
      throw DomainError.forbidden('This hall is outside your scope');
    }
  }

  /** Admins everywhere; the reform office reads the halls of its region subtree. */
  private async regionAllows(
    p: Principal,
    regionCode: string,
    level: HallAccessLevel,
  ): Promise<boolean> {
    if (p.type !== 'user') return false;
    if (p.role === 'admin') return true;
    return (
      p.role === 'reform_office' &&
      level === 'read' &&
      !!p.regionCode &&
      (await this.isInSubtree(regionCode, p.regionCode))
    );
  }

  /**
   * Reading a region's figures: admins anywhere, the reform office within its subtree; 404 for an
   * unknown region, 403 for everyone else.
   */
  async assertRegionRead(p: Principal, code: string): Promise<void> {
    const known: unknown[] = await this.db.query(
      'SELECT 1 FROM regions WHERE code = $1',
      [code],
    );
    if (!known.length) throw DomainError.notFound('Region');
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
  async isInSubtree(code: string, root: string): Promise<boolean> {
    if (code === root) return true;
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM region_and_ancestors($1) WHERE code = $2 LIMIT 1`,
      [code, root],
    );
    return rows.length > 0;
  }

  /** The region codes of a subtree (root included). */
  async subtree(root: string): Promise<string[]> {
    const rows: { code: string }[] = await this.db.query(
      `SELECT code FROM region_subtree($1)`,
      [root],
    );
    return rows.map((r) => r.code);
  }
}

/** On its own hall: everyone reads and operates; only its manager manages. */
function ownHallAllows(p: Principal, level: HallAccessLevel): boolean {
  return level !== 'manage' || (p.type === 'user' && p.role === 'hall_manager');
}
