/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // NEXT_DIST_DIR lets several builds of one checkout coexist (parallel work, the benchmark).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // The embedded database server and the pg driver are server-only and must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg"],
};

module.exports = nextConfig;
