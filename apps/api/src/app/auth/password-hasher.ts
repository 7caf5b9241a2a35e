import { Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';

/** bcrypt, cost 10: slow on purpose. */
@Injectable()
export class PasswordHasher {
  static readonly COST = 10;
  /** A valid hash of no password, compared against when the user does not exist (same timing). */
  private readonly dummy = bcrypt.hashSync(
    'not-a-password',
    PasswordHasher.COST,
  );

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, PasswordHasher.COST);
  }

  verify(password: string, hash: string | null): Promise<boolean> {
    return bcrypt.compare(password, hash ?? this.dummy);
  }
}
