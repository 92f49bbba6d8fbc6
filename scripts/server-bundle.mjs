// The server entry (scripts/serve.ts and what it imports from lib/), compiled into one CommonJS file
// before it runs, so that the server is one plain Node process: running it through tsx would add tsx's
// loader thread and a long-lived esbuild service child process (about 70 MB of resident memory, and a
// second process per instance). Our .ts files are CommonJS to Node (package.json has no "type"), so the
// bundle is too; packages stay in node_modules. esbuild is stopped once it has written the file.
import fs from "node:fs";
import path from "node:path";
import * as esbuild from "esbuild";

/** Compiles the server entry into node_modules/.cache/granskad-server/serve.cjs and returns its path. */
export async function bundleServer(projectRoot) {
  const outfile = path.join(projectRoot, "node_modules", ".cache", "granskad-server", "serve.cjs");
  let result;
  try {
    result = await esbuild.build({
      write: false,
      absWorkingDir: projectRoot,
      entryPoints: [path.join(projectRoot, "scripts", "serve.ts")],
      outfile,
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      packages: "external",
      tsconfig: path.join(projectRoot, "tsconfig.json"),
      sourcemap: "linked",
      logLevel: "warning",
      // import.meta.url (the generated Prisma client reads it) as the source file it was written in.
      define: { "import.meta.url": "__granskadImportMetaUrl" },
      banner: { js: `const __granskadImportMetaUrl = require("node:url").pathToFileURL(__filename).href;` },
    });
  } finally {
    await esbuild.stop();
  }
  // Written under a name of this process's and renamed into place: instances starting at once (the e2e
  // suite's two) never read each other's half-written file.
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, file.contents);
    fs.renameSync(temporary, file.path);
  }
  return outfile;
}
