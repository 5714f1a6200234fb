/** What the demo route needs: load the demo data once (server/src/demo/load-demo.ts). */
export type DemoLoader = () => Promise<{ networks: number }>;
