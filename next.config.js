// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  // The database driver, Prisma's runtime and the rate limiter stay Node modules, loaded at run time
  // (bundled, the limiter's optional database back ends are requires webpack cannot follow).
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@prisma/client", "rate-limiter-flexible"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  experimental: {
    // Large enough that our own validation (zod) answers an oversized body with a clear message.
    serverActions: { bodySizeLimit: "8mb" },
    // forbidden() renders app/forbidden.tsx with status 403 for signed-in users without the permission.
    authInterrupts: true,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
