// Starts the pinned xapi-statements LRS on 127.0.0.1 for the sending tests, in memory only,
// with the test auth repository (it accepts any credentials).
// Usage: node start_lrs.js PORT [LOG_DIR]
'use strict';
const os = require('os');
const path = require('path');

const port = process.argv[2];
if (!port) {
  console.error('usage: node start_lrs.js PORT [LOG_DIR]');
  process.exit(2);
}
Object.assign(process.env, {
  AUTH_REPO: 'test',
  EVENTS_REPO: 'test',
  MODELS_REPO: 'memory',
  STORAGE_REPO: 'memory',
  EXPRESS_PORT: port,
  EXPRESS_MORGAN_DIRECTORY: process.argv[3] || os.tmpdir(),
});
// The LRS listens on every interface by default; the tests need it on loopback only.
const http = require('http');
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (...args) {
  if ((typeof args[0] === 'number' || typeof args[0] === 'string') && typeof args[1] !== 'string') {
    args.splice(1, 0, '127.0.0.1');
  }
  return listen.apply(this, args);
};
require(path.join(__dirname, 'node_modules', 'xapi-statements', 'dist', 'server.js'));
