import baseConfig from '../../eslint.config.mjs';
import { noRawSql } from '../../tools/eslint/no-raw-sql.mjs';

export default [...baseConfig, noRawSql];
