import { h } from 'vue'

/**
 * A plain link to a page of the site: a full page load, no client-side router. The link to the current page gets
 * the classes and `aria-current` NuxtLink (vue-router's RouterLink) gave it, and the same markup, so pages render as
 * before.
 */
export default defineComponent({
  name: 'SiteLink',
  props: { to: { type: String, required: true } },
  setup(props, { slots }) {
    const route = useRoute()
    return () => {
      const here = matchPage(route.path)
      const there = matchPage(props.to.split(/[?#]/)[0]!)
      const current = Boolean(here && there && here.name === there.name && here.params.slug === there.params.slug)
      return h('a', {
        'aria-current': current ? 'page' : undefined,
        'href': props.to,
        'class': { 'router-link-active': current, 'router-link-exact-active': current },
      }, slots.default?.())
    }
  },
})
