import { useEffect } from 'react';

/**
 * Presenter mode fills the screen through the Fullscreen API: in a browser it is the page's full
 * screen, and Electron turns the same request into the window's. Leaving full screen with the
 * browser's own key (Esc or F11) leaves presenter mode too, so the two never disagree.
 */
export function usePresenterFullscreen(presenter: boolean, leave: () => void): void {
  useEffect(() => {
    if (!presenter) return;
    const root = document.documentElement;
    let entered = false;
    if (!document.fullscreenElement && root.requestFullscreen) {
      // Refused without a recent user gesture (a menu command from the host): presenter mode still
      // works in the window as it is.
      root.requestFullscreen({ navigationUI: 'hide' }).then(
        () => {
          entered = true;
        },
        () => undefined,
      );
    }
    const onChange = () => {
      if (entered && !document.fullscreenElement) leave();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(() => undefined);
    };
  }, [presenter, leave]);
}
