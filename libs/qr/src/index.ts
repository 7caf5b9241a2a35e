export * from './lib/qr-svg';
