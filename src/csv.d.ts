/** build.mjs bundles `.csv` files as text (esbuild's text loader): the default export is the file's contents. */
declare module '*.csv' {
  const text: string;
  export default text;
}
