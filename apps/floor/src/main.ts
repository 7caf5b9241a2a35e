import {
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
  reflectComponentType,
  type Type,
} from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';

/**
 * The hall floor's pages, by the first segment of the address (printed QR codes and paired
 * devices depend on these addresses). Each page is its own lazy chunk and the app has no router:
 * a phone opening its ticket page loads Angular and that page only.
 */
const PAGES: Record<string, () => Promise<Type<unknown>>> = {
  kiosk: () => import('./app/kiosk/kiosk.page').then((m) => m.KioskPage),
  board: () => import('./app/board/board.page').then((m) => m.BoardPage),
  counter: () =>
    import('./app/counter/counter.page').then((m) => m.CounterPage),
  rate: () => import('./app/rate/rate.page').then((m) => m.RatePage),
  t: () => import('./app/ticket/ticket.page').then((m) => m.TicketPage),
};

const page = PAGES[location.pathname.split('/')[1] ?? ''] ?? PAGES['t'];

page()
  .then((component) => {
    const selector = reflectComponentType(component)?.selector ?? 'ow-page';
    document.body.appendChild(document.createElement(selector));
    return bootstrapApplication(component, {
      providers: [
        provideBrowserGlobalErrorListeners(),
        provideZonelessChangeDetection(),
      ],
    });
  })
  .catch((err) => console.error(err));
