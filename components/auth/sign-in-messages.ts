/** What the sign-in page says for each failure next-auth reports (`?error=` after a form POST, or signIn()'s result). */
const failureMessages: Record<string, string> = {
  CredentialsSignin: "Fel e-post eller lösenord.",
  Throttled: "För många misslyckade försök. Vänta en stund och försök igen.",
};
const genericFailure = "Inloggningen misslyckades. Försök igen.";

/** The message for a failure code; codes we do not know (the parameter is anyone's to write) get the generic one. */
export function signInFailureMessage(code: string): string {
  return Object.hasOwn(failureMessages, code) ? failureMessages[code]! : genericFailure;
}
