'use strict';
// The compiled addon; loading fails (and the caller uses the JavaScript pass) when it was not built.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a .node addon is loaded with require
module.exports = require('./build/Release/innsyn_csv_scan.node');
