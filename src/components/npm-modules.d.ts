// Types for `npm:` imports whose package ships no types of its own (tsconfig maps npm:* to node_modules/*).
declare module "npm:d3-dsv" {
  export * from "d3-dsv";
}
