import { expect, test } from '@playwright/test';
import { contosoWithMembers, personBrowsing, snap } from './helpers.js';
import {
  escapeBackTo,
  expectVisibleFocus,
  pressUntilFocused,
  selectTab,
  signInByKeyboard,
  tabAndPress,
} from './keyboard.js';

// Inviting a colleague with the keyboard alone (issue 13): Tab, arrows, Enter, Space and Escape, a visible focus at
// every stop, and each dialog gives the focus back to the button that opened it, however it closes.
// Patti Fernandez is invited by no other file.
test.describe.configure({ mode: 'serial' });

const PATTI = 'patti.fernandez@contoso.onmicrosoft.com';

test('the administrator invites Patti from Office 365 Users with the keyboard alone', async ({ browser }) => {
  test.setTimeout(120_000);
  await contosoWithMembers(browser, []);
  const { context, page } = await personBrowsing(browser, 'en');
  await page.goto('/');
  await signInByKeyboard(page, 'admin@contoso.onmicrosoft.com', /^Sign in$/);
  await expect(page.getByRole('heading', { name: 'Welcome, Contoso Admin' })).toBeVisible({ timeout: 15_000 });

  await selectTab(page, 'Settings');
  await tabAndPress(page, page.getByRole('button', { name: 'Users', exact: true }));
  await expect(page.getByRole('table', { name: 'CRM users' })).toBeVisible();

  // New User: Escape, and its own Cancel, give the focus back to New User.
  const newUser = page.getByRole('button', { name: 'New User' });
  await tabAndPress(page, newUser);
  const newUserDialog = page.getByRole('dialog', { name: 'New User' });
  await expect(newUserDialog).toBeVisible();
  await expectVisibleFocus(page);
  await escapeBackTo(page, newUser);
  await page.keyboard.press('Enter');
  await expect(newUserDialog).toBeVisible();
  await tabAndPress(page, newUserDialog.getByRole('button', { name: 'Cancel' }));
  await expect(newUserDialog).toHaveCount(0);
  await expect(newUser).toBeFocused();
  await expectVisibleFocus(page);

  // Editing a user: Escape gives the focus back to the row's Edit button.
  const edit = page.getByRole('button', { name: 'Edit Contoso Admin' });
  await tabAndPress(page, edit);
  await expect(page.getByRole('dialog', { name: 'Edit Contoso Admin' })).toBeVisible();
  await expectVisibleFocus(page);
  await escapeBackTo(page, edit);

  // Add Users: Escape first, then the invitation itself.
  const office365 = page.getByRole('button', { name: 'Office 365 Users' });
  await pressUntilFocused(page, office365, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const addUsers = page.getByRole('dialog', { name: 'Add Users' });
  const patti = addUsers.getByRole('checkbox', { name: 'Patti Fernandez' });
  await expect(patti).toBeVisible();
  await escapeBackTo(page, office365);

  await page.keyboard.press('Enter');
  await expect(patti).toBeVisible();
  await pressUntilFocused(page, addUsers.getByRole('searchbox').or(addUsers.getByRole('textbox')));
  await page.keyboard.type('Patti');
  await tabAndPress(page, patti, ' ');
  await expect(patti).toBeChecked();
  await tabAndPress(page, addUsers.getByRole('button', { name: 'Save' }));
  await expect(addUsers.getByRole('list', { name: 'Result per person' })).toContainText('Patti Fernandez');
  // Save gave way to Close, and the focus went with it rather than falling out of the dialog.
  const close = addUsers.getByRole('button', { name: 'Close' });
  await expect(close).toBeFocused();
  await expectVisibleFocus(page);
  await snap(page, 'en', '75-keyboard-add-users-result');
  await page.keyboard.press('Enter');
  await expect(addUsers).toHaveCount(0);
  await expect(office365).toBeFocused();
  await expectVisibleFocus(page);
  await expect(page.getByText(PATTI).first()).toBeVisible();
  await context.close();
});

test('Patti accepts the invitation with the keyboard alone', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'en');
  await page.goto('/');
  await signInByKeyboard(page, PATTI, /^Sign in$/);
  const terms = page.getByRole('checkbox', { name: 'I accept the terms and conditions' });
  await expect(terms).toBeVisible({ timeout: 15_000 });
  await tabAndPress(page, terms, ' ');
  await expect(terms).toBeChecked();
  await tabAndPress(page, page.getByRole('button', { name: 'Continue' }));
  await expect(page.getByRole('heading', { name: 'Welcome, Patti Fernandez' })).toBeVisible();
  await context.close();
});
