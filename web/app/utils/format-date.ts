// The one date format (also used by the newsletter digest), from its own entry point so the browser bundle gets
// this function and nothing else of @pressroom/richtext.
export { formatPostDate } from '@pressroom/richtext/format-date'
