import { useFocusFinders } from '@fluentui/react-components';
import { useCallback, useEffect, useLayoutEffect, useRef, type FocusEvent, type RefObject } from 'react';

/** How often, and how far apart, the opener is offered the focus back while the focus stays lost. */
const RESTORE_ATTEMPTS = 10;
const RESTORE_INTERVAL_MS = 50;

/** Nothing has the focus: it fell to the body because the focused element was removed, disabled or hidden. */
function focusIsLost(document: Document): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

/**
 * Where the focus goes around one of our dialogs, for people on the keyboard or a screen reader. Fluent's Dialog
 * gives the focus back only to a DialogTrigger, and ours open from state; so the element that had the focus when
 * the dialog opened (its opener) is remembered here and gets it back once the dialog has gone. While the dialog is
 * open, focus that falls out of it (its focused button replaced, as when Save turns into Close) lands on its first
 * focusable element. Both act only on lost focus, so a caller that moves the focus on purpose keeps it.
 */
export function useDialogFocus(open: boolean): {
  opener: RefObject<HTMLElement | null>;
  keepFocusInside: (event: FocusEvent<HTMLElement>) => void;
} {
  const opener = useRef<HTMLElement | null>(null);
  const { findFirstFocusable } = useFocusFinders();

  // A layout effect runs before Fluent's own effect moves the focus into the dialog.
  useLayoutEffect(() => {
    if (!open) return;
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }, [open]);

  const keepFocusInside = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const surface = event.currentTarget;
      // React passes blur events up from dialogs opened inside this one; those look after their own focus.
      if (!(event.target instanceof Node) || !surface.contains(event.target)) return;
      // The focus settles after the blur: on the next element, or nowhere when the blurred one went away.
      setTimeout(() => {
        if (surface.isConnected && focusIsLost(surface.ownerDocument)) findFirstFocusable(surface)?.focus();
      }, 0);
    },
    [findFirstFocusable],
  );

  return { opener, keepFocusInside };
}

/**
 * Rendered inside a dialog's surface: when the surface goes (after its closing animation), gives the focus back to
 * the opener if it is still on the page and nothing else has taken the focus.
 */
export function ReturnFocusWhenGone({ opener }: { opener: RefObject<HTMLElement | null> }): null {
  useEffect(
    () => () => {
      const target = opener.current;
      if (!target) return;
      // Looked at again for a moment: in some builds the first focus() lands while Fluent still treats the page
      // behind as outside the dialog, and the focus falls to the page again (CI saw it after closing Edit user).
      const restore = (attempt: number) => {
        if (target.isConnected && focusIsLost(target.ownerDocument)) target.focus();
        if (attempt < RESTORE_ATTEMPTS) setTimeout(() => restore(attempt + 1), RESTORE_INTERVAL_MS);
      };
      setTimeout(() => restore(1), 0);
    },
    [opener],
  );
  return null;
}
