// Asks for an API key when the server refuses a request for the lack of one: the admin key before an
// admin action, the read key when READ_API_KEY is set. Asked once per tab: the answer is kept in
// sessionStorage (auth/keys.ts) and sent with every later request.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { storeKey, type KeyKind } from './keys';

interface Ask {
  kind: KeyKind;
  reason: string;
  resolve: (given: boolean) => void;
}

type AskForKey = (kind: KeyKind, reason: string) => Promise<boolean>;

const KeyPromptContext = createContext<AskForKey>(() => Promise.resolve(false));

export const useAskForKey = (): AskForKey => useContext(KeyPromptContext);

export function KeyPromptProvider({ children }: { children: ReactNode }) {
  const [asking, setAsking] = useState<Ask | null>(null);
  const pending = useRef<Promise<boolean> | null>(null);
  const ask = useCallback<AskForKey>((kind, reason) => {
    // Several refused requests at once share one question.
    pending.current ??= new Promise<boolean>((resolve) => setAsking({ kind, reason, resolve })).finally(() => {
      pending.current = null;
    });
    return pending.current;
  }, []);
  return (
    <KeyPromptContext.Provider value={ask}>
      {children}
      {asking && (
        <KeyDialog
          ask={asking}
          onDone={(given) => {
            setAsking(null);
            asking.resolve(given);
          }}
        />
      )}
    </KeyPromptContext.Provider>
  );
}

function KeyDialog({ ask, onDone }: { ask: Ask; onDone: (given: boolean) => void }) {
  const [value, setValue] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const title = ask.kind === 'admin' ? 'Admin key needed' : 'Read key needed';
  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="key-dialog-title"
        onKeyDown={(event) => event.key === 'Escape' && onDone(false)}
      >
        <h2 id="key-dialog-title">{title}</h2>
        <p>{ask.reason}</p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            storeKey(ask.kind, value);
            onDone(value.trim() !== '');
          }}
        >
          <label htmlFor="key-dialog-input">{ask.kind === 'admin' ? 'ADMIN_API_KEY' : 'READ_API_KEY'}</label>
          <input
            id="key-dialog-input"
            ref={input}
            type="password"
            autoComplete="off"
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
          <p className="hint">Kept in this tab only (session storage).</p>
          <div className="actions">
            <button type="button" onClick={() => onDone(false)}>
              Cancel
            </button>
            <button type="submit" className="primary">
              Use key
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
