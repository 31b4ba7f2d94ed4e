/**
 * Secrets come from the environment. Local runs get them generated into an ignored `.env` by the quick start;
 * in production a missing secret stops the server at boot with a message naming it, instead of running
 * with a guessable default.
 */
export function requireSecret(env: (key: string) => string | undefined, name: string): string {
  const value = env(name)
  if (value && value.trim() !== '' && value !== 'tobemodified') return value
  throw new Error(
    `Missing secret ${name}. Set it in the environment (or run \`./pressroom start\` once to generate cms/.env).`,
  )
}
