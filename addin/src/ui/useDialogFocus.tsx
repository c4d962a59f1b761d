import { dialogSurfaceClassNames, useFocusFinders } from '@fluentui/react-components';
import { useCallback, useLayoutEffect, useRef, type FocusEvent, type RefObject } from 'react';

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
  dialogUnmounting: RefObject<boolean>;
  keepFocusInside: (event: FocusEvent<HTMLElement>) => void;
} {
  const opener = useRef<HTMLElement | null>(null);
  const dialogUnmounting = useRef(false);
  const { findFirstFocusable } = useFocusFinders();

  // React runs this cleanup before those of the surface inside, so ReturnFocusWhenGone knows the dialog is going.
  useLayoutEffect(
    () => () => {
      dialogUnmounting.current = true;
    },
    [],
  );

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

  return { opener, dialogUnmounting, keepFocusInside };
}

/**
 * Rendered inside a dialog's surface; looks after the focus while the surface is there and when it goes.
 * - Content replaced under the focus (a list turning into a spinner, a button into another) takes the focus with it
 *   and no blur event says so; the focus then lands on the surface's first focusable element, so Escape and Tab still
 *   work in the dialog.
 * - When the surface goes (after its closing animation), the opener gets the focus back if it is still on the page and
 *   nothing else has taken the focus. A dialog unmounted while open (a caller that renders nothing once closed) goes
 *   without an animation and takes the focused element with it; there the focus moves back while the surface is
 *   still on the page, so it never falls to the page, where other focus handling could catch it first.
 */
export function DialogFocusKeeper({
  opener,
  dialogUnmounting,
}: {
  opener: RefObject<HTMLElement | null>;
  dialogUnmounting: RefObject<boolean>;
}): JSX.Element {
  const marker = useRef<HTMLSpanElement>(null);
  const { findFirstFocusable } = useFocusFinders();
  useLayoutEffect(() => {
    const surface = marker.current?.closest<HTMLElement>(`.${dialogSurfaceClassNames.root}`) ?? null;
    // Only focus this surface had: a dialog opened over this one looks after its own, and gives it back itself.
    let lastFocused: Element | null = null;
    const focusIn = (event: globalThis.FocusEvent) => {
      if (event.target instanceof Element) lastFocused = event.target;
    };
    const refocus = new MutationObserver(() => {
      if (!surface?.isConnected || !lastFocused || lastFocused.isConnected) return;
      const active = surface.ownerDocument.activeElement;
      if (active !== null && active !== surface.ownerDocument.body && active.isConnected) return;
      lastFocused = null;
      findFirstFocusable(surface)?.focus();
    });
    if (surface) {
      if (surface.contains(surface.ownerDocument.activeElement)) lastFocused = surface.ownerDocument.activeElement;
      surface.addEventListener('focusin', focusIn);
      refocus.observe(surface, { childList: true, subtree: true });
    }
    return () => {
      refocus.disconnect();
      surface?.removeEventListener('focusin', focusIn);
      const target = opener.current;
      if (!target) return;
      const document = target.ownerDocument;
      if (dialogUnmounting.current && target.isConnected && surface?.contains(document.activeElement)) {
        target.focus();
        return;
      }
      setTimeout(() => {
        if (target.isConnected && focusIsLost(document)) target.focus();
      }, 0);
    };
  }, [opener, dialogUnmounting, findFirstFocusable]);
  return <span ref={marker} hidden />;
}
