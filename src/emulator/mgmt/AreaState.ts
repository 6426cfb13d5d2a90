/**
 * Per-project state of a management area that lives beside the project
 * state (lists, applications, templates ...), without a field of its own in
 * `ProjectState`. `/emulator/reset` replaces the project's collections in
 * place (`emptyProject`), so an area's state is anchored on one of them,
 * `users`: after a reset the area starts empty again, as the rest of the
 * project does.
 *
 * @since 0.2.0
 */
import type { ProjectState } from "../EmulatorState.js"

/**
 * The accessor of an area's state: created with `make` on first use, and anew after a reset of the project.
 *
 * @since 0.2.0
 * @category constructors
 */
export const perProject = <S>(make: () => S): (p: ProjectState) => S => {
  const states = new WeakMap<ProjectState, { readonly anchor: object; readonly state: S }>()
  return (p) => {
    const current = states.get(p)
    if (current !== undefined && current.anchor === p.users) return current.state
    const state = make()
    states.set(p, { anchor: p.users, state })
    return state
  }
}
