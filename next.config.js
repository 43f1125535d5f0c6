// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  // The database driver and Prisma's runtime stay Node modules, loaded at run time.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@prisma/client"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
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
