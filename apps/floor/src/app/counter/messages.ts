import { translator, windowPhrase } from '../core/i18n';

const zh = {
  title: '窗口叫号器',
  // login
  loginTitle: '窗口工作人员登录',
  username: '用户名',
  password: '密码',
  loginSubmit: '登录',
  loggingIn: '正在登录…',
  loginMissing: '请输入用户名和密码',
  badCredentials: '用户名或密码错误',
  loginRateLimited: '登录尝试次数过多，请 {s} 秒后再试',
  loginRateLimitedSoon: '登录尝试次数过多，请稍后再试',
  sessionExpired: '登录已过期，请重新登录',
  noHall:
    '该管理员账号没有绑定大厅，不能使用窗口叫号器。请使用大厅工作人员或大厅管理员的账号登录。',
  wrongRole:
    '该账号没有窗口操作权限。窗口叫号器只供窗口工作人员、大厅管理员使用。',
  logout: '退出登录',
  loading: '正在加载…',
  loadFailed: '加载失败：{reason}',
  retry: '重试',
  // window choice
  chooseWindow: '请选择您所在的窗口',
  chooseHint: '本设备会记住您的选择，之后可随时更换。',
  noWindows: '本大厅还没有可用的窗口，请联系大厅管理员。',
  changeWindow: '更换窗口',
  backToConsole: '返回',
  mode_department: '部门窗口',
  mode_comprehensive: '综合窗口',
  state_open: '已开启',
  state_paused: '已暂停',
  state_closed: '已关闭',
  state_retired: '已停用',
  windowStateLabel: '窗口状态',
  open: '开启窗口',
  pause: '暂停',
  close: '关闭窗口',
  callNeedsOpen: '窗口开启后才能叫号。',
  // current ticket
  currentTitle: '当前号',
  noCurrent: '当前没有正在办理的号',
  noCurrentHint: '按“叫号”（空格键或 N）叫下一位群众。',
  priorityLane: '绿色通道',
  appointment: '预约',
  ticketState_called: '已叫号，等候群众到窗口',
  ticketState_serving: '正在办理',
  waited: '已等候 {m} 分钟',
  waitedLess: '等候不到 1 分钟',
  sinceCall: '叫号后 {t}',
  recalls: '已重呼 {n} 次',
  servingSince: '开始办理于 {time}',
  // actions
  call: '叫号',
  recall: '重呼',
  start: '开始办理',
  done: '办结',
  materials: '需补材料',
  rejected: '不予受理',
  noshow: '过号',
  transfer: '转办',
  keySpace: '空格',
  shortcutHint: '快捷键：{key}',
  // results
  called: '已叫号 {number}',
  recalled: '已重呼 {number}',
  started: '开始办理 {number}',
  completed_done: '{number} 已办结',
  completed_needs_materials: '{number} 已办结（需补材料）',
  completed_rejected: '{number} 已办结（不予受理）',
  noShown: '{number} 已过号',
  transferred: '{number} 已转办为 {to}（{item}），群众保留原排队位置',
  windowNow_open: '窗口已开启',
  windowNow_paused: '窗口已暂停',
  windowNow_closed: '窗口已关闭',
  nobodyWaiting: '当前没有等候的群众',
  notNow_noTicket: '当前没有号，不能“{action}”',
  notNow_called: '{number} 还未开始办理，不能“{action}”',
  notNow_serving: '{number} 正在办理，不能“{action}”',
  notNow_closed: '窗口未开启，不能叫号，请先开启窗口',
  // live changes made elsewhere
  remoteCalled: '{number} 已在其他设备上叫到本窗口',
  remoteStarted: '{number} 已在其他设备上开始办理',
  remoteCompleted: '{number} 已在其他设备上办结',
  remoteNoShow: '{number} 已被标记为过号（可能已在其他设备上操作）',
  remoteTransferred: '{number} 已在其他设备上转办',
  remoteWindow: '窗口已在其他设备上设为“{state}”',
  remoteRetired: '本窗口已被停用，请选择其他窗口',
  // waiting
  waitingTitle: '等候人数',
  waitingTotal: '本窗口可办理的等候人数',
  servesAll: '综合窗口，可办理全部类别',
  waitingEmpty: '暂无等候的群众',
  waitingUnknown: '等候人数暂时无法获取',
  liveReconnecting: '实时连接中断，正在重连…等候人数可能不是最新',
  people: '人',
  // today
  todayTitle: '今日本窗口',
  served: '已办结',
  noShows: '过号',
  handling: '平均办理时长',
  minutes: '{m} 分钟',
  // transfer
  transferTitle: '转办 {number}',
  transferSearch: '搜索要转办的事项',
  transferHint: '输入事项名称或关键词，回车选择第一项，Esc 关闭。',
  transferNone: '没有找到匹配的事项',
  transferSearching: '正在搜索…',
  transferCancel: '取消',
  // conflicts (409), from the fresh state
  conflictWindow_paused: '窗口已暂停，请先开启窗口',
  conflictWindow_closed: '窗口已关闭，请先开启窗口',
  conflictWindow_retired: '本窗口已停用，请更换窗口',
  conflictStillHolds: '本窗口还有未办结的号 {number}，请先办结或过号',
  conflictStillHoldsClose:
    '本窗口还有未办结的号 {number}，请先办结或过号，再关闭窗口',
  conflictWindowAlready: '窗口已经是“{state}”状态（可能已在其他设备上操作）',
  conflictPauseClosed: '窗口已关闭，不能暂停；如需叫号请先开启窗口',
  conflictTicket_no_show: '{number} 已被标记为过号（可能已在其他设备上操作）',
  conflictTicket_done: '{number} 已办结（可能已在其他设备上操作）',
  conflictTicket_transferred: '{number} 已转办（可能已在其他设备上操作）',
  conflictTicket_cancelled: '{number} 已被群众取消',
  conflictTicket_expired: '{number} 已在闭厅时失效',
  conflictTicket_waiting: '{number} 还在等候，尚未被本窗口叫到',
  conflictTicketServing:
    '{number} 已开始办理（可能已在其他设备上操作），请选择办结、需补材料、不予受理或转办',
  conflictTicketNotStarted: '{number} 还未开始办理，请先按“开始办理”',
  conflictTicketElsewhere: '{number} 已不在本窗口（已被 {window} 叫走）',
  conflictTicketElsewhereUnknown: '该号已不在等候（已被其他窗口叫走）',
  conflictTicketGone: '{number} 已不在本窗口（可能已在其他设备上操作），已刷新',
  conflictRefreshed: '状态已经变化，页面已刷新，请确认后重试',
  // other errors
  unreachable: '无法连接服务器，请检查网络后重试',
  unavailable: '服务暂时不可用，请 {s} 秒后重试',
  unavailableSoon: '服务暂时不可用，请稍后重试',
  rateLimited: '操作过于频繁，请 {s} 秒后重试',
  rateLimitedSoon: '操作过于频繁，请稍后重试',
  forbidden: '没有权限：本账号不能操作这个大厅或窗口',
  notFound: '要操作的号或窗口已不存在，页面已刷新',
  badRequest: '操作未被接受，请检查后重试',
  failed: '操作失败（错误 {status}），请重试',
};

const en: typeof zh = {
  title: 'Counter console',
  loginTitle: 'Counter staff sign-in',
  username: 'Username',
  password: 'Password',
  loginSubmit: 'Sign in',
  loggingIn: 'Signing in…',
  loginMissing: 'Enter your username and password',
  badCredentials: 'Wrong username or password',
  loginRateLimited: 'Too many sign-in attempts: try again in {s} seconds',
  loginRateLimitedSoon: 'Too many sign-in attempts: try again later',
  sessionExpired: 'Your session has expired: please sign in again',
  noHall:
    'This administrator account belongs to no hall, so it cannot run a counter. Sign in with the account of a clerk or manager of the hall.',
  wrongRole:
    'This account may not run a counter. The counter console is for clerks and hall managers.',
  logout: 'Sign out',
  loading: 'Loading…',
  loadFailed: 'Could not load: {reason}',
  retry: 'Retry',
  chooseWindow: 'Choose your window',
  chooseHint:
    'This device remembers the choice; you can change it at any time.',
  noWindows: 'This hall has no window in service yet. Ask the hall manager.',
  changeWindow: 'Change window',
  backToConsole: 'Back',
  mode_department: 'department window',
  mode_comprehensive: 'comprehensive window',
  state_open: 'open',
  state_paused: 'paused',
  state_closed: 'closed',
  state_retired: 'retired',
  windowStateLabel: 'Window',
  open: 'Open window',
  pause: 'Pause',
  close: 'Close window',
  callNeedsOpen: 'Open the window to call.',
  currentTitle: 'Current ticket',
  noCurrent: 'No ticket at this window',
  noCurrentHint: 'Press Call (Space or N) to call the next citizen.',
  priorityLane: 'Priority lane',
  appointment: 'appointment',
  ticketState_called: 'Called, waiting for the citizen',
  ticketState_serving: 'Being served',
  waited: 'Waited {m} min',
  waitedLess: 'Waited under a minute',
  sinceCall: 'Called {t} ago',
  recalls: 'Recalled {n}×',
  servingSince: 'Service started {time}',
  call: 'Call',
  recall: 'Recall',
  start: 'Start',
  done: 'Done',
  materials: 'Needs materials',
  rejected: 'Rejected',
  noshow: 'No-show',
  transfer: 'Transfer',
  keySpace: 'Space',
  shortcutHint: 'Shortcut: {key}',
  called: 'Called {number}',
  recalled: 'Recalled {number}',
  started: 'Serving {number}',
  completed_done: '{number} done',
  completed_needs_materials: '{number} closed: needs materials',
  completed_rejected: '{number} closed: rejected',
  noShown: '{number} marked no-show',
  transferred:
    '{number} transferred as {to} ({item}); the citizen keeps their place',
  windowNow_open: 'Window open',
  windowNow_paused: 'Window paused',
  windowNow_closed: 'Window closed',
  nobodyWaiting: 'Nobody is waiting',
  notNow_noTicket: 'No ticket: cannot "{action}"',
  notNow_called: '{number} is not being served yet: cannot "{action}"',
  notNow_serving: '{number} is being served: cannot "{action}"',
  notNow_closed: 'The window is not open: open it to call',
  remoteCalled: '{number} was called to this window on another device',
  remoteStarted: 'Service of {number} was started on another device',
  remoteCompleted: '{number} was completed on another device',
  remoteNoShow: '{number} was marked no-show (perhaps on another device)',
  remoteTransferred: '{number} was transferred on another device',
  remoteWindow: 'The window was set to "{state}" on another device',
  remoteRetired: 'This window was retired: choose another window',
  waitingTitle: 'Waiting',
  waitingTotal: 'Waiting for this window',
  servesAll: 'Comprehensive window: serves every category',
  waitingEmpty: 'Nobody is waiting',
  waitingUnknown: 'Waiting counts are not available',
  liveReconnecting:
    'Live connection lost, reconnecting… counts may be out of date',
  people: '',
  todayTitle: 'Today at this window',
  served: 'Served',
  noShows: 'No-shows',
  handling: 'Mean handling time',
  minutes: '{m} min',
  transferTitle: 'Transfer {number}',
  transferSearch: 'Search the item to transfer to',
  transferHint: 'Type a name or keyword; Enter picks the first, Esc closes.',
  transferNone: 'No matching item',
  transferSearching: 'Searching…',
  transferCancel: 'Cancel',
  conflictWindow_paused: 'The window is paused: open it first',
  conflictWindow_closed: 'The window is closed: open it first',
  conflictWindow_retired: 'This window was retired: choose another window',
  conflictStillHolds:
    'This window still holds {number}: complete it or mark it no-show first',
  conflictStillHoldsClose:
    'This window still holds {number}: complete it or mark it no-show before closing the window',
  conflictWindowAlready:
    'The window is already {state} (perhaps changed on another device)',
  conflictPauseClosed:
    'The window is closed and cannot be paused; open it to call',
  conflictTicket_no_show:
    '{number} was marked no-show (perhaps on another device)',
  conflictTicket_done:
    '{number} is already completed (perhaps on another device)',
  conflictTicket_transferred:
    '{number} was already transferred (perhaps on another device)',
  conflictTicket_cancelled: '{number} was cancelled by the citizen',
  conflictTicket_expired: '{number} lapsed when the hall closed',
  conflictTicket_waiting:
    '{number} is still waiting and was not called to this window',
  conflictTicketServing:
    '{number} is already being served (perhaps on another device): complete or transfer it',
  conflictTicketNotStarted:
    '{number} is not being served yet: press Start first',
  conflictTicketElsewhere:
    '{number} is no longer at this window (called by {window})',
  conflictTicketElsewhereUnknown:
    'That ticket no longer waits (another window called it)',
  conflictTicketGone:
    '{number} is no longer at this window (perhaps changed on another device); refreshed',
  conflictRefreshed:
    'Things changed in the meantime; the page was refreshed, please check and retry',
  unreachable: 'Cannot reach the server: check the network and retry',
  unavailable: 'The service is unavailable: retry in {s} seconds',
  unavailableSoon: 'The service is unavailable: retry shortly',
  rateLimited: 'Too many requests: retry in {s} seconds',
  rateLimitedSoon: 'Too many requests: retry shortly',
  forbidden: 'Not allowed: this account may not act on this hall or window',
  notFound: 'That ticket or window no longer exists; the page was refreshed',
  badRequest: 'The request was not accepted; check and retry',
  failed: 'Failed (error {status}); please retry',
};

export type MessageKey = keyof typeof zh;

/**
 * A parameter of a message: text or a number as is, another message (translated when shown), or a
 * window's label (said as the language says windows: "5号窗口", "window 5").
 */
export type MsgParam = string | number | Msg | { windowLabel: string };

/** A message to show, kept as key and parameters so a language switch re-renders it. */
export interface Msg {
  key: MessageKey;
  params?: Record<string, MsgParam>;
}

export const t = translator({ zh, en });

/** The text of a message in the current language. */
export function say(m: Msg): string {
  if (!m.params) return t(m.key);
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(m.params))
    params[name] =
      typeof value !== 'object'
        ? value
        : 'windowLabel' in value
          ? windowPhrase(value.windowLabel)
          : say(value);
  return t(m.key, params);
}
