import { useFocusFinders } from '@fluentui/react-components';

/**
 * Keeps Fluent's focus manager (tabster) alive for the app's whole life. Fluent creates it on demand and disposes
 * it when the last component using it unmounts; a screen change that unmounts every such component together with
 * an open dialog (e.g. Link my account succeeding) disposed it before it could lift the dialog's aria-hidden from
 * the rest of the page, leaving the next screen hidden from screen readers.
 */
export function useLastingFocusManager(): void {
  useFocusFinders();
}
