// The current hash route as runes state; navigation pushes history entries so the back button works.
import { formatRoute, parseRoute, type Route } from './route';

export class Router {
  current = $state<Route>({ kind: 'lab' });

  constructor(private readonly win: Window = window) {
    this.current = parseRoute(win.location.hash);
    win.addEventListener('hashchange', () => {
      this.current = parseRoute(win.location.hash);
    });
  }

  go(route: Route): void {
    const hash = formatRoute(route);
    if (this.win.location.hash !== hash) this.win.location.hash = hash;
    else this.current = route;
  }
}
