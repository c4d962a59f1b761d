import { useCallback, useEffect, useState } from 'react';
import { parseScreenHash, screenHash, type Screen } from '../links/screenRoute';

/**
 * The member's current screen, kept in the address bar's hash: a reload keeps it and Back/Forward move between
 * screens. `fallback` is the screen for an address that names none (the start of a visit).
 */
export function useScreenRoute(fallback: Screen): {
  screen: Screen;
  /** True when the address named a screen at the start (a reload or a bookmark), not the fallback. */
  fromAddress: boolean;
  /** `replace` for a move the person did not make (Outlook opening on This e-mail): Back should not undo it. */
  navigate: (screen: Screen, options?: { replace?: boolean }) => void;
} {
  const [fromAddress] = useState(() => parseScreenHash(window.location.hash) !== undefined);
  const [screen, setScreen] = useState<Screen>(() => parseScreenHash(window.location.hash) ?? fallback);

  useEffect(() => {
    const follow = () => setScreen(parseScreenHash(window.location.hash) ?? fallback);
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [fallback]);

  const navigate = useCallback((next: Screen, options?: { replace?: boolean }) => {
    setScreen(next);
    if (window.location.hash === screenHash(next)) return;
    // Assigning the hash adds one history entry; location.replace swaps the current one (neither reloads the page).
    if (options?.replace)
      window.location.replace(`${window.location.pathname}${window.location.search}${screenHash(next)}`);
    else window.location.hash = screenHash(next);
  }, []);

  return { screen, fromAddress, navigate };
}
