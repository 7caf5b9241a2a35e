/** Checks of a scenario's categories: codes, shares and each category's handling time. */
import { MAX_CATEGORIES, MAX_CODE_LENGTH } from '../limits';
import { isObj, num, SHARE_SUM_TOLERANCE, shareSum } from './fields';
import { patience, service } from './service-time';

/**
 * `scenario.categories` (`path`): a non-empty array of at most MAX_CATEGORIES {code, share,
 * service, patience?}; codes unique, shares summing to 1, every service and patience valid.
 */
export function categories(
  errors: string[],
  path: string,
  cats: unknown,
): void {
  if (!Array.isArray(cats) || cats.length === 0) {
    errors.push(`${path} must be a non-empty array of {code, share, service}`);
    return;
  }
  if (cats.length > MAX_CATEGORIES) {
    errors.push(`${path} must have at most ${MAX_CATEGORIES} entries`);
    return;
  }
  const seen = new Set<string>();
  let total = 0;
  let sharesOk = true;
  cats.forEach((c: unknown, i) => {
    const cp = `${path}[${i}]`;
    if (!isObj(c)) {
      errors.push(`${cp} must be an object {code, share, service}`);
      sharesOk = false;
      return;
    }
    const code = c['code'];
    if (
      typeof code !== 'string' ||
      code.length === 0 ||
      code.length > MAX_CODE_LENGTH
    ) {
      errors.push(
        `${cp}.code must be a non-empty string of at most ${MAX_CODE_LENGTH} characters`,
      );
    } else if (seen.has(code)) {
      errors.push(`${cp}.code "${code}" appears twice`);
    } else seen.add(code);
    if (
      num(errors, `${cp}.share`, c['share'], {
        min: 0,
        max: 1 + SHARE_SUM_TOLERANCE,
      })
    )
      total += c['share'] as number;
    else sharesOk = false;
    service(errors, `${cp}.service`, c['service']);
    if (c['patience'] !== undefined)
      patience(errors, `${cp}.patience`, c['patience']);
  });
  if (sharesOk) shareSum(errors, path, total);
}
