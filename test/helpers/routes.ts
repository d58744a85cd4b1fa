/** Turns a route pattern into a concrete path: `:id` and `:id{[0-9]+}` → 1, `*` → x. */
export const concretePath = (pattern: string) => pattern.replace(/:\w+(\{[^}]*\})?/g, '1').replace(/\*/g, 'x')
