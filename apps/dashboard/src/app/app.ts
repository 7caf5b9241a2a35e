import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { NoticeBanner } from './core/notice/notice-banner';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, NoticeBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-notice-banner />
    <router-outlet />
  `,
})
export class App {}
