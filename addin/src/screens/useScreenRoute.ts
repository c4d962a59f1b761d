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
  navigate: (screen: Screen) => void;
} {
  const [fromAddress] = useState(() => parseScreenHash(window.location.hash) !== undefined);
  const [screen, setScreen] = useState<Screen>(() => parseScreenHash(window.location.hash) ?? fallback);

  useEffect(() => {
    const follow = () => setScreen(parseScreenHash(window.location.hash) ?? fallback);
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [fallback]);

  const navigate = useCallback((next: Screen) => {
    setScreen(next);
    // Assigning the hash adds one history entry (no entry when it is already there).
    if (window.location.hash !== screenHash(next)) window.location.hash = screenHash(next);
  }, []);

  return { screen, fromAddress, navigate };
}
