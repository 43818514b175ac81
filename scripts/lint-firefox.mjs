// Zips the Firefox build and runs Mozilla's addons-linter on it: errors fail, warnings are printed.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { name, version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
execSync('npx wxt zip -b firefox --mv3', { stdio: 'inherit' });
execSync(`npx addons-linter --output text .output/${name}-${version}-firefox-mv3.zip`, { stdio: 'inherit' });
