import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { queryEcho } from '../../lib/match/search-index';
import { inputClass } from '../form-styles';
import { useNavigation } from './navigation';
import { SearchResults } from './search-results';
import { useSearch, type SearchOption } from './use-search';

/** Where a `/` is text being typed, not a request to search. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** `/` anywhere in the panel puts the keyboard in the search box, unless the person is typing in another field. */
function useSlashToFocus(input: React.RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault();
      input.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [input]);
}

/** Names a result across reloads: what the person moved to stays chosen, or nothing is, never its neighbour. */
function optionKey(option: SearchOption): string {
  return option.kind === 'client' ? `client:${option.hit.client.id}` : `handoff:${option.handoff.id}`;
}

/** The panel header's search over clients and handoffs (an ARIA 1.2 combobox with a listbox popup). */
export function SearchBox() {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [activeKey, setActiveKey] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const { navigate } = useNavigation();
  const { options, ready, error } = useSearch(query, open);
  // -1 when nothing is chosen, or the result chosen is gone (the workspace changed under the list).
  const active = activeKey === undefined ? -1 : options.findIndex((option) => optionKey(option) === activeKey);
  const id = useId();
  const listId = `${id}-results`;
  const optionId = (index: number) => `${id}-option-${index}`;
  useSlashToFocus(input);
  // Braces: newer Chromium returns a promise from scrollIntoView, and an effect may return only its clean-up.
  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  const close = () => {
    setOpen(false);
    setActiveKey(undefined);
  };
  const choose = (option: SearchOption) => {
    setQuery('');
    close();
    navigate(option.kind === 'client' ? { view: 'client', clientId: option.hit.client.id } : { view: 'handoff', handoffId: option.handoff.id });
  };
  // From nothing active, down goes to the first result and up to the last; both wrap around.
  const step = (by: 1 | -1) => {
    const next = options[active < 0 ? (by > 0 ? 0 : options.length - 1) : (active + by + options.length) % options.length];
    setActiveKey(next ? optionKey(next) : undefined);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, () => void> = {
      ArrowDown: () => (open ? step(1) : setOpen(true)),
      ArrowUp: () => (open ? step(-1) : setOpen(true)),
      // Nothing chosen: the first result, as typed-ahead; a chosen result that went away: nothing.
      Enter: () => {
        const option = activeKey === undefined ? options[0] : options[active];
        if (open && option) choose(option);
      },
      // As ARIA's combobox pattern has it: the first Escape closes the list, a second clears the box.
      Escape: () => (open ? close() : setQuery('')),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };

  const showList = open && options.length > 0;
  const nothing = open && ready && query.trim() !== '' && options.length === 0;
  const failed = open ? error : undefined;
  return (
    <div role="search" className="min-w-0 flex-1">
      <input
        ref={input}
        type="text"
        role="combobox"
        aria-label="Search clients and handoffs"
        aria-keyshortcuts="/"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={showList ? listId : undefined}
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        placeholder="Search  /"
        enterKeyHint="go"
        autoComplete="off"
        spellCheck={false}
        className={`${inputClass} py-1`}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActiveKey(undefined);
        }}
        onFocus={() => setOpen(true)}
        onBlur={close}
        onKeyDown={onKeyDown}
      />
      <div className={showList || nothing || failed ? 'absolute inset-x-2 top-full z-20 mt-1 max-h-[70vh] overflow-y-auto rounded-lg border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900' : 'hidden'}>
        {showList ? <SearchResults id={listId} options={options} active={active} optionId={optionId} onChoose={choose} /> : null}
        {nothing ? <p className="px-3 py-2 text-sm text-slate-600 [overflow-wrap:anywhere] dark:text-slate-400">No client or handoff matches “{queryEcho(query)}”.</p> : null}
        {failed ? <p className="px-3 py-2 text-sm text-red-700 dark:text-red-300">Search cannot read the workspace: {failed}</p> : null}
      </div>
      <p aria-live="polite" className="sr-only">
        {open && ready && query.trim() ? (options.length === 0 ? 'No results.' : `${options.length} ${options.length === 1 ? 'result' : 'results'}.`) : ''}
      </p>
    </div>
  );
}
