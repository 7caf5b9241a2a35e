import type { Translations } from './zh-cn';

/** English: the second language of the UI. */
export const en: Translations = {
  app: {
    name: 'OneWindow',
    product: '一窗通 OneWindow',
    skipToContent: 'Skip to main content',
  },
  lang: {
    switchLabel: 'Switch language',
    other: '中文',
  },
  role: {
    admin: 'System administrator',
    reform_office: 'Reform office',
    hall_manager: 'Hall manager',
    clerk: 'Window clerk',
  },
  nav: {
    label: 'Main navigation',
    region: 'Region overview',
    hall: 'Hall overview',
    planner: 'Planner',
    admin: 'Administration',
  },
  auth: {
    title: 'Sign in',
    subtitle:
      'Queue and window-consolidation analytics for government service halls',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    logout: 'Log out',
    signedInAs: 'Signed in as',
    required: 'Enter your username and password.',
    invalid: 'Wrong username or password.',
    rateLimited: 'Too many attempts. Please try again later.',
    unavailable: 'The service is unavailable. Please try again later.',
    expired: 'Your session has expired. Please sign in again.',
  },
  notice: {
    dismiss: 'Dismiss',
    forbidden: 'Not allowed: {{message}}',
    forbiddenPage: 'Your role may not open that page.',
  },
  coming: {
    body: 'This page is coming soon.',
  },
  hall: {
    title: 'Hall overview',
    hall: 'Hall',
    from: 'From',
    to: 'To',
    apply: 'Show',
    badRange: 'The start date must not be after the end date.',
    loading: 'Loading…',
    empty: 'No window data in this span.',
    noHalls: 'No hall to show.',
    error: 'Could not load the data: {{message}}',
    csv: 'Download CSV',
    loadedAt: 'Loaded at {{time}} (Beijing time)',
    summary:
      '{{from}} to {{to}}: windows went from {{first}} to {{last}} ({{comprehensive}} comprehensive).',
  },
  chart: {
    windowsTitle: 'Windows by mode',
    department: 'Department windows',
    comprehensive: 'Comprehensive windows',
    total: 'Total',
    windows: 'Windows',
    date: 'Date',
    saveImage: 'Save as image',
  },
  error: {
    unknown: 'unknown error',
    network: 'cannot reach the server',
  },
};
