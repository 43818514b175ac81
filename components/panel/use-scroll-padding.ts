import { useCallback, type RefCallback } from 'react';

/** Room kept between a pinned bar and the control that has focus. */
const MARGIN_PX = 8;

/**
 * For a bar pinned to the top or bottom of the panel (position: sticky) over a page that scrolls: while the bar
 * shows, the page's scroll padding on that side is its height, so a control focused by Tab (or scrolled to) is
 * brought into view clear of the bar, never under it. The panel's document is its scroll container.
 */
export function useScrollPadding(side: 'top' | 'bottom'): RefCallback<HTMLElement> {
  return useCallback(
    (bar: HTMLElement | null) => {
      if (!bar) return;
      const page = document.documentElement.style;
      const property = side === 'top' ? 'scrollPaddingTop' : 'scrollPaddingBottom';
      const fit = () => {
        page[property] = `${Math.ceil(bar.getBoundingClientRect().height) + MARGIN_PX}px`;
      };
      fit();
      // The bar grows with what it shows (an error above Send, the ownership notice): the padding follows.
      const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(fit) : undefined;
      resized?.observe(bar);
      return () => {
        resized?.disconnect();
        page[property] = '';
      };
    },
    [side],
  );
}
