// electron-builder hook: before each target is packed, make sure the better-sqlite3 build for that
// target's Electron ABI, platform and architecture exists in .electron-native/ (it is shipped as
// an extra resource). Plain CommonJS because electron-builder loads hooks with require().
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const ARCH = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

exports.default = async function beforePack(context) {
  const root = path.resolve(__dirname, '..', '..', '..');
  const platform = context.electronPlatformName;
  const arch = ARCH[context.arch] ?? String(context.arch);
  const cli = path.join(root, 'src', 'main', 'cli', 'funnel-review.mjs');
  const result = spawnSync(process.execPath, [cli, 'native', '--platform', platform, '--arch', arch], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`Could not obtain better-sqlite3 for Electron on ${platform}-${arch}`);
};
