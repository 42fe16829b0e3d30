'use strict';
// The compiled addon; loading fails (and the caller uses the JavaScript pass) when it was not built.
module.exports = require('./build/Release/innsyn_csv_scan.node');
