import { AsyncLocalStorage } from 'node:async_hooks'
import type { Core } from '@strapi/strapi'

interface Acting {
  actor?: string
  note?: string
}

const acting = new AsyncLocalStorage<Acting>()

/** Runs `work` on someone's behalf (the scheduler, an import), with a note for the versions it makes. */
export function actingAs<T>(who: Acting, work: () => Promise<T>): Promise<T> {
  return acting.run({ ...acting.getStore(), ...who }, work)
}

/** Who is saving: the signed-in admin user, else whoever `actingAs` named, else "System". */
export function currentActor(strapi: Core.Strapi): string {
  const named = acting.getStore()?.actor
  if (named) return named
  const user = (strapi.requestContext.get() as { state?: { user?: { firstname?: string, lastname?: string, email?: string } } } | undefined)?.state?.user
  if (user) return [user.firstname, user.lastname].filter(Boolean).join(' ') || user.email || 'An editor'
  return 'System'
}

export const currentNote = (): string | null => acting.getStore()?.note ?? null
