import { translator } from './i18n';

/** Messages every floor page shares: pairing, connection, language. */
export const common = translator({
  zh: {
    otherLang: 'English',
    otherLangLabel: 'Switch to English',
    unpairedTitle: '本设备尚未配对',
    unpairedBody:
      '请管理员在“管理 → 设备”中为本大厅签发{kind}令牌，并在本设备上打开配对链接或扫描其二维码。',
    revokedTitle: '本设备的令牌已被吊销',
    revokedBody:
      '本设备已不能使用。请管理员在“管理 → 设备”中重新签发令牌，并在本设备上打开新的配对链接。',
    wrongKindTitle: '配对链接与本页面不符',
    wrongKindBody: '该令牌不是{kind}的令牌。请打开为{kind}签发的配对链接。',
    offlineTitle: '无法连接服务器',
    offlineBody: '正在重试…请检查网络连接。',
    checking: '正在连接…',
    kiosk: '取号机',
    display: '叫号屏',
    rater: '评价器',
    sensor: '客流计数器',
  },
  en: {
    otherLang: '中文',
    otherLangLabel: '切换到中文',
    unpairedTitle: 'This device is not paired',
    unpairedBody:
      'Ask an administrator to issue a {kind} token for this hall (Administration → Devices) and open its pairing link or scan its QR code on this device.',
    revokedTitle: "This device's token was revoked",
    revokedBody:
      'This device can no longer be used. Ask an administrator to issue a new token (Administration → Devices) and open the new pairing link here.',
    wrongKindTitle: 'The pairing link does not fit this page',
    wrongKindBody:
      'That token is not a {kind} token. Open the pairing link issued for a {kind}.',
    offlineTitle: 'Cannot reach the server',
    offlineBody: 'Retrying… Please check the network connection.',
    checking: 'Connecting…',
    kiosk: 'kiosk',
    display: 'display board',
    rater: 'rating pad',
    sensor: 'door counter',
  },
});
