import bcrypt from 'bcryptjs';
import { hallId, userId } from './ids';
import { Rng } from './rng';

/** The demo logins (documented in the README; every demo user has the same password). */
export const DEMO_PASSWORD = 'OneWindow!2020';

export interface DemoUser {
  username: string;
  password: string;
  role: 'admin' | 'reform_office' | 'hall_manager' | 'clerk';
  displayName: string;
  hallKey?: string;
  regionCode?: string;
}

export const DEMO_CREDENTIALS: readonly DemoUser[] = [
  {
    username: 'admin',
    password: DEMO_PASSWORD,
    role: 'admin',
    displayName: '系统管理员',
  },
  {
    username: 'zj-reform',
    password: DEMO_PASSWORD,
    role: 'reform_office',
    displayName: '省委改革办',
    regionCode: '330000',
  },
  {
    username: 'hz-reform',
    password: DEMO_PASSWORD,
    role: 'reform_office',
    displayName: '杭州市委改革办',
    regionCode: '330100',
  },
  {
    username: 'fuyang-manager',
    password: DEMO_PASSWORD,
    role: 'hall_manager',
    displayName: '富阳区行政服务中心管理员',
    hallKey: 'fuyang',
  },
  {
    username: 'yiwu-manager',
    password: DEMO_PASSWORD,
    role: 'hall_manager',
    displayName: '义乌市行政服务中心管理员',
    hallKey: 'yiwu',
  },
  {
    username: 'fuyang-clerk',
    password: DEMO_PASSWORD,
    role: 'clerk',
    displayName: '富阳区综合窗口受理员',
    hallKey: 'fuyang',
  },
];

export interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  role: DemoUser['role'];
  hall_id: string | null;
  region_code: string | null;
  display_name: string;
  active: boolean;
}

const BCRYPT_ALPHABET =
  './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Users with bcrypt hashes (cost 10), each distinct password hashed once. The salt is drawn from
 * the seed so the generated rows are byte-identical on every run (these are public demo logins).
 */
export function userRows(seed: number): UserRow[] {
  const rng = Rng.derive(seed, 'users');
  const hashes = new Map<string, string>();
  return DEMO_CREDENTIALS.map((u) => {
    let hash = hashes.get(u.password);
    if (!hash) {
      let salt = '$2b$10$';
      for (let i = 0; i < 21; i++) salt += BCRYPT_ALPHABET[rng.int(64)];
      salt += '.Oeu'[rng.int(4)]; // the 22nd character carries only 2 bits
      hash = bcrypt.hashSync(u.password, salt);
      hashes.set(u.password, hash);
    }
    return {
      id: userId(u.username),
      username: u.username,
      password_hash: hash,
      role: u.role,
      hall_id: u.hallKey ? hallId(u.hallKey) : null,
      region_code: u.regionCode ?? null,
      display_name: u.displayName,
      active: true,
    };
  });
}
