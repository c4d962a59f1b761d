import { expect, type Locator, type Page } from '@playwright/test';
import { PASSWORD } from './helpers.js';

// A person on the keyboard alone: Tab, arrow keys, Enter, Space and Escape, and at every stop a focus they can see.

// Typed by shape: the project's types have no DOM.
export const isFocused = async (target: Locator): Promise<boolean> =>
  await target.evaluate(
    (element: { ownerDocument: { activeElement: unknown } }) => element.ownerDocument.activeElement === element,
  );

// Runs in the page; text, since this project's types have no DOM. Fluent draws the focus ring as an outline, or as
// the border of an ::after box on the element or, for checkboxes and fields, on the wrapper around their input; a
// field's underline is that border scaled from 0 to full width.
const FOCUS_RING = `(() => {
  const element = document.activeElement;
  if (!element || element === document.body) return 'nothing focused';
  const drawn = (style) =>
    ['Top', 'Right', 'Bottom', 'Left'].some(
      (side) => style['border' + side + 'Style'] !== 'none' && parseFloat(style['border' + side + 'Width']) > 0,
    ) && !/^matrix\\(0,/.test(style.transform);
  let box = element;
  for (let level = 0; box && level < 3; level += 1, box = box.parentElement) {
    const own = getComputedStyle(box);
    if (own.outlineStyle !== 'none' && parseFloat(own.outlineWidth) > 0) return 'visible';
    const after = getComputedStyle(box, '::after');
    if (after.content !== 'none' && drawn(after)) return 'visible';
  }
  return 'no focus ring on ' + element.tagName + ' "' + (element.textContent || element.getAttribute('aria-label') || '').trim() + '"';
})()`;

/** The focused element shows a focus ring a sighted keyboard user can follow. */
export async function expectVisibleFocus(page: Page): Promise<void> {
  expect(await page.evaluate<string>(FOCUS_RING)).toBe('visible');
}

/** Presses `key` until `target` has the focus (at most 40 presses), and checks the focus is visible there. */
export async function pressUntilFocused(page: Page, target: Locator, key = 'Tab'): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press(key);
    if (await isFocused(target).catch(() => false)) {
      await expectVisibleFocus(page);
      return;
    }
  }
  throw new Error(`${key} never reached ${target.toString()}`);
}

/** Tabs to `target` and presses `key` on it (Enter for buttons and links, Space for checkboxes). */
export async function tabAndPress(page: Page, target: Locator, key: 'Enter' | ' ' = 'Enter'): Promise<void> {
  await pressUntilFocused(page, target);
  await page.keyboard.press(key === ' ' ? 'Space' : key);
}

/** Moves along a tab list with the arrow keys to the named tab and selects it. */
export async function selectTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name });
  if (!(await isFocused(page.getByRole('tab', { selected: true })))) {
    await pressUntilFocused(page, page.getByRole('tab', { selected: true }));
  }
  await pressUntilFocused(page, tab, 'ArrowRight');
  await page.keyboard.press('Enter');
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}

/**
 * Signs in with keys alone: Tab to the add-in's sign-in button and Enter; in the local tenant's popup, Tab to the
 * account and Enter, then the password (its field has the focus) and Enter.
 */
export async function signInByKeyboard(page: Page, userPrincipalName: string, signInLabel: RegExp): Promise<void> {
  const popupPromise = page.waitForEvent('popup');
  await tabAndPress(page, page.getByRole('button', { name: signInLabel }));
  const popup = await popupPromise;
  const account = popup.getByRole('button', { name: userPrincipalName });
  await expect(account).toBeVisible();
  await tabAndPress(popup, account);
  const password = popup.getByLabel('Password');
  await expect(password).toBeFocused();
  await popup.keyboard.type(PASSWORD);
  const closed = popup.waitForEvent('close');
  await popup.keyboard.press('Enter');
  await closed;
}

/** Escape closes the open dialog, and the focus is back, visibly, on the button that opened it. */
export async function escapeBackTo(page: Page, opener: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog').or(page.getByRole('alertdialog'))).toHaveCount(0);
  await expect(opener).toBeFocused();
  await expectVisibleFocus(page);
}
