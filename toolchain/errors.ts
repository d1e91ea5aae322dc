/** An error the user can act on: printed as one clear message (what went wrong, what to do), never a stack trace. */
export class UserError extends Error {
  constructor(message: string, readonly hint?: string, readonly exitCode = 1) {
    super(message);
  }
}

export function formatUserError(e: UserError): string {
  return `rumpsdk: error: ${e.message}` + (e.hint ? `\n  ${e.hint.split("\n").join("\n  ")}` : "");
}
