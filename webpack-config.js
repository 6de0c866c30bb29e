// aio app build merges this into its webpack config for every action (it forces target node,
// commonjs2 and production mode). ts-loader compiles our TypeScript with tsconfig.build.json.
const path = require('node:path')

module.exports = {
  devtool: false,
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: { configFile: path.join(__dirname, 'tsconfig.build.json'), transpileOnly: true }
        }
      },
      {
        // aio-lib-state compiles its argument schemas on every call; see actions/lib/cache/ajv-compiled-once.ts.
        // Rule.resolve applies to the dependencies of the matched modules: only aio-lib-state's `ajv`.
        include: /[\\/]@adobe[\\/]aio-lib-state[\\/]/,
        resolve: { alias: { ajv$: path.join(__dirname, 'actions', 'lib', 'cache', 'ajv-compiled-once.ts') } }
      }
    ]
  }
}
