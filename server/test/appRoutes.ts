export interface Route {
  method: string;
  path: string;
}

/** Every route the app answers, read from its router, so a route added later is covered without a word here. */
export function routesOf(app: unknown): Route[] {
  interface Layer {
    route?: { path: unknown; methods: Record<string, boolean> };
    handle?: { stack?: Layer[] };
  }
  const routes: Route[] = [];
  const walk = (layers: Layer[]) => {
    for (const layer of layers) {
      if (layer.route && typeof layer.route.path === 'string')
        for (const method of Object.keys(layer.route.methods)) routes.push({ method, path: layer.route.path });
      else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as { router: { stack: Layer[] } }).router.stack);
  return routes;
}
