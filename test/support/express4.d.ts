// Express 4 is installed as `express4` (npm:express@4) beside Express 5; the calls the tests make are typed
// alike in both, so Express 5's types stand in.
declare module "express4" {
  import express from "express";
  export default express;
}
