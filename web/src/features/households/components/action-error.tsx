import { Alert, Paragraph } from '@utrecht/component-library-react';
import { ApiError } from '../../../lib/api-client.ts';

// The triage service answers refusals with plain Dutch sentences; a schema error
// ("body.note: …") is meant for programs, and the forms should not let one happen.
const FIELD_MESSAGE = /^(body|params|querystring)\.[\w.]+: /;

export function actionErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Er ging iets mis. Probeer het later opnieuw.';
  if (FIELD_MESSAGE.test(error.message)) return 'De ingevulde gegevens zijn niet geldig. Controleer ze en probeer het opnieuw.';
  return error.message;
}

/** Why a change on the family page did not go through, in a sentence the user can act on. */
export function ActionError({ error, title }: { error: unknown; title: string }) {
  return (
    <Alert type="error" role="alert">
      <Paragraph>
        <strong>{title}.</strong> {actionErrorText(error)}
      </Paragraph>
    </Alert>
  );
}
