import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { ErrorNotice, SuccessNotice } from './ErrorNotice.tsx';

/**
 * A form's submission: local checks first (field → message; any message stops it), then the request. Its
 * success message is shown; a failure shows the server's field errors by the fields and its message below.
 */
export function useSubmit() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (check: () => Record<string, string>, send: () => Promise<string>) => {
    setDone(null);
    setFailure(null);
    const local = check();
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      setDone(await send());
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  return { errors, failure, done, busy, submit };
}

/** The end of such a form: failure, success, and the submit button (disabled while sending). */
export function SubmitFooter({ state, label }: { state: ReturnType<typeof useSubmit>; label: string }) {
  return (
    <>
      <ErrorNotice error={state.failure} />
      <SuccessNotice>{state.done}</SuccessNotice>
      <button type="submit" className="button button-primary" disabled={state.busy}>
        {label}
      </button>
    </>
  );
}
