/** Compiles the server entry into node_modules/.cache/granskad-server/serve.cjs and returns its path. */
export function bundleServer(projectRoot: string): Promise<string>;
