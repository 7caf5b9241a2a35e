import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { testProviders } from '../../../testing/test-providers';
import { AdminField } from './admin-field';
import { AdminForm } from './admin-form';
import { FormState } from './form-state';
import { formProblem } from './validation';

@Component({
  imports: [AdminForm, AdminField],
  template: `
    <app-admin-form
      testId="f"
      submitLabel="admin.create"
      cancelable
      [state]="state"
      (save)="saved.push($event)"
      (cancelled)="cancelled = cancelled + 1"
    >
      <app-admin-field label="admin.username">
        <input name="username" required pattern="[a-z]+" />
      </app-admin-field>
      <app-admin-field label="admin.password">
        <input name="password" type="password" required minlength="10" />
      </app-admin-field>
      <app-admin-field label="common.note" optional>
        <input name="note" />
      </app-admin-field>
    </app-admin-form>
  `,
})
class Host {
  readonly state = new FormState();
  readonly saved: HTMLFormElement[] = [];
  cancelled = 0;
}

describe('AdminForm', () => {
  async function render() {
    TestBed.configureTestingModule({
      imports: [Host],
      providers: testProviders(),
    });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const form = el.querySelector('form[data-testid="f"]') as HTMLFormElement;
    const field = (name: string) =>
      form.querySelector(`[name="${name}"]`) as HTMLInputElement;
    const submit = async () => {
      form.dispatchEvent(new Event('submit', { cancelable: true }));
      await fixture.whenStable();
    };
    const message = () =>
      el.querySelector('[data-testid="form-invalid"]')?.textContent?.trim();
    return { fixture, el, form, field, submit, message };
  }

  it('labels its fields, marks the optional ones, and ends with its buttons', async () => {
    const { form } = await render();
    expect(form.classList.contains('form-grid')).toBe(true);
    expect(
      Array.from(form.querySelectorAll('label.field > span')).map((s) =>
        s.textContent?.trim(),
      ),
    ).toEqual(['用户名', '初始密码', '备注 （选填）']);
    // each control is named by its label
    expect(
      (form.querySelector('[name="note"]') as HTMLInputElement).labels?.[0]
        .className,
    ).toBe('field');
    const buttons = Array.from(form.querySelectorAll('button'));
    expect(buttons.map((b) => [b.type, b.textContent?.trim()])).toEqual([
      ['submit', '新增'],
      ['button', '取消'],
    ]);
  });

  it('does not send an invalid form: it names the field at fault and focuses it', async () => {
    const { fixture, field, submit, message } = await render();
    await submit();
    expect(fixture.componentInstance.saved).toHaveLength(0);
    expect(message()).toBe('请填写“用户名”。');
    expect(document.activeElement).toBe(field('username'));

    // typing clears the message; spaces alone are no name
    field('username').value = '   ';
    field('username').dispatchEvent(new Event('input', { bubbles: true }));
    await fixture.whenStable();
    expect(message()).toBeUndefined();
    await submit();
    expect(message()).toBe('请填写“用户名”。');

    field('username').value = 'Bad Name';
    await submit();
    expect(message()).toBe('“用户名”的格式不正确。');

    // too short even when a script set the value (browsers check typed values only)
    field('username').value = 'clerk';
    field('password').value = 'short';
    await submit();
    expect(message()).toBe('“初始密码”至少需要 10 个字符。');
    expect(fixture.componentInstance.saved).toHaveLength(0);
  });

  it('sends a valid form, and not twice while saving', async () => {
    const { fixture, form, field, submit, message } = await render();
    field('username').value = 'clerk';
    field('password').value = 'a-long-passphrase';
    await submit();
    expect(message()).toBeUndefined();
    expect(fixture.componentInstance.saved).toEqual([form]);

    const answer = new Subject<void>();
    fixture.componentInstance.state.run(answer, () => undefined);
    await fixture.whenStable();
    const save = form.querySelector(
      'button[type="submit"]',
    ) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    answer.next();
    await fixture.whenStable();
    expect(save.disabled).toBe(false);
  });

  it('tells when cancelled', async () => {
    const { fixture, form } = await render();
    (form.querySelector('button[type="button"]') as HTMLButtonElement).click();
    expect(fixture.componentInstance.cancelled).toBe(1);
    expect(fixture.componentInstance.saved).toHaveLength(0);
  });

  it('shows the message when the browser refuses the form', async () => {
    const { fixture, form, message } = await render();
    // what the browser does on a click of submit with an empty required field
    form.checkValidity();
    await fixture.whenStable();
    expect(message()).toBe('请填写“用户名”。');
  });
});

describe('formProblem', () => {
  function form(html: string): HTMLFormElement {
    const f = document.createElement('form');
    f.innerHTML = html;
    return f;
  }

  it('passes over disabled fields and ticks, and names a field without a label by its name', () => {
    expect(
      formProblem(
        form(
          '<input name="a" required disabled><input type="checkbox" name="b"><input name="c" value="x" required>',
        ),
      ),
    ).toBeNull();
    expect(formProblem(form('<select name="who" required></select>'))).toEqual(
      expect.objectContaining({ problem: 'required', field: 'who' }),
    );
  });
});
