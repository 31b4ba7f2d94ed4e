import type { H3Event } from 'h3'

// Old addresses are answered before the hot lane, routing or rendering (server/utils/redirects.ts).
export default defineNitroPlugin((nitroApp) => {
  const handle = nitroApp.h3App.handler
  nitroApp.h3App.handler = (event: H3Event) => {
    const answered = answerRedirect(event.node.req, event.node.res)
    if (answered === true) return undefined
    if (answered === false) return handle(event)
    return answered.then(done => (done ? undefined : handle(event)))
  }
})
