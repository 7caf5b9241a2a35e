/** Chinese (zh-CN): the default language of the UI. Its shape is the type every other language follows. */
export const zhCN = {
  app: {
    name: '一窗通',
    product: '一窗通 OneWindow',
    skipToContent: '跳到主要内容',
  },
  lang: {
    switchLabel: '切换语言',
    other: 'English',
  },
  role: {
    admin: '系统管理员',
    reform_office: '改革办',
    hall_manager: '大厅负责人',
    clerk: '窗口工作人员',
  },
  nav: {
    label: '主导航',
    region: '全省/区域概览',
    hall: '大厅概览',
    planner: '窗口规划',
    admin: '管理',
  },
  auth: {
    title: '登录',
    subtitle: '政务服务大厅排队与窗口整合分析',
    username: '用户名',
    password: '密码',
    submit: '登录',
    submitting: '正在登录…',
    logout: '退出登录',
    signedInAs: '当前用户',
    required: '请输入用户名和密码。',
    invalid: '用户名或密码错误。',
    rateLimited: '尝试次数过多，请稍后再试。',
    unavailable: '服务暂时不可用，请稍后再试。',
    expired: '登录已过期，请重新登录。',
  },
  notice: {
    dismiss: '关闭提示',
    forbidden: '没有权限：{{message}}',
    forbiddenPage: '您的角色无权访问该页面。',
  },
  coming: {
    body: '该页面即将推出。',
  },
  hall: {
    title: '大厅概览',
    hall: '大厅',
    from: '开始日期',
    to: '结束日期',
    apply: '查询',
    badRange: '开始日期不能晚于结束日期。',
    loading: '正在加载…',
    empty: '该时段没有窗口数据。',
    noHalls: '没有可查看的大厅。',
    error: '数据加载失败：{{message}}',
    csv: '下载 CSV',
    loadedAt: '数据加载于 {{time}}（北京时间）',
    summary:
      '{{from}} 至 {{to}}：窗口由 {{first}} 个变为 {{last}} 个（综合窗口 {{comprehensive}} 个）。',
  },
  chart: {
    windowsTitle: '窗口数量（按模式）',
    department: '部门窗口',
    comprehensive: '综合窗口',
    total: '合计',
    windows: '窗口数',
    date: '日期',
    saveImage: '保存为图片',
  },
  error: {
    unknown: '未知错误',
    network: '无法连接服务器',
  },
};

type DeepStrings<T> = {
  [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]>;
};

/** The shape of one language's translations. */
export type Translations = DeepStrings<typeof zhCN>;
