// The GitHub workflows cannot run here, so the test command checks them: each parses as YAML, and
// the jobs and steps the project relies on are there (CI runs scripts/test in debian:bookworm; Pages
// builds the site and deploys it with the official actions). Ends with "N passed, N failed".
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from '../browser/node_modules/yaml/dist/index.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let pass = 0, fail = 0;
const check = (what, ok) => { if (ok) pass++; else { fail++; console.log(`FAIL ${what}`); } };
const load = (name) => {
  try {
    return YAML.parse(readFileSync(join(repo, '.github/workflows', name), 'utf8'), { strict: true, uniqueKeys: true });
  } catch (err) {
    check(`${name} parses: ${err.message}`, false);
    return null;
  }
};
const steps = (job) => (job && Array.isArray(job.steps) ? job.steps : []);
const uses = (job, action) => steps(job).some((s) => typeof s.uses === 'string' && s.uses.startsWith(action + '@'));
const runs = (job, text) => steps(job).some((s) => typeof s.run === 'string' && s.run.includes(text));

const ci = load('ci.yml');
if (ci) {
  check('ci.yml runs on push and pull_request', ci.on && 'push' in ci.on && 'pull_request' in ci.on);
  const job = ci.jobs && ci.jobs.test;
  check('ci.yml has a test job', !!job);
  check('ci.yml test job runs in debian:bookworm', job && job.container === 'debian:bookworm');
  check('ci.yml checks out the code', uses(job, 'actions/checkout'));
  check('ci.yml runs the README test command', runs(job, 'scripts/test'));
}
const pages = load('pages.yml');
if (pages) {
  const build = pages.jobs && pages.jobs.build, deploy = pages.jobs && pages.jobs.deploy;
  check('pages.yml deploys from main only', pages.on && pages.on.push && JSON.stringify(pages.on.push.branches) === '["main"]');
  check('pages.yml build job in debian:bookworm', build && build.container === 'debian:bookworm');
  check('pages.yml builds the web preset', runs(build, 'cmake --preset web'));
  check('pages.yml uploads the site', uses(build, 'actions/upload-pages-artifact'));
  check('pages.yml deploy needs build', deploy && deploy.needs === 'build');
  check('pages.yml deploy has pages and id-token permissions', deploy && deploy.permissions && deploy.permissions.pages === 'write' && deploy.permissions['id-token'] === 'write');
  check('pages.yml deploys with deploy-pages', uses(deploy, 'actions/deploy-pages'));
  check('pages.yml uses the github-pages environment', deploy && deploy.environment && deploy.environment.name === 'github-pages');
}
console.log(`${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);
