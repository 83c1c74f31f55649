// The GitHub workflows cannot run here, so the test command checks them: each parses as YAML, and
// the jobs and steps the project relies on are there (CI runs scripts/test in debian:bookworm; Pages
// builds the site and deploys it with the official actions; Prices imports the public price tables each
// week and opens a pull request). Ends with "N passed, N failed".
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
const prices = load('prices.yml');
if (prices) {
  const on = prices.on || {};
  const job = prices.jobs && prices.jobs.import;
  const text = (step) => `${step.run || ''}`;
  const cron = Array.isArray(on.schedule) && on.schedule.length === 1 ? `${on.schedule[0].cron}` : '';
  // Five fields, once a week: a fixed minute and hour, any day of the month, one day of the week.
  check('prices.yml runs weekly on a schedule', /^\d{1,2} \d{1,2} \* \* [0-6]$/.test(cron));
  check('prices.yml runs by hand', 'workflow_dispatch' in on);
  check('prices.yml may push a branch and open a pull request',
    prices.permissions && prices.permissions.contents === 'write' && prices.permissions['pull-requests'] === 'write');
  check('prices.yml has an import job in debian:bookworm', job && job.container === 'debian:bookworm');
  check('prices.yml checks out the code', uses(job, 'actions/checkout'));
  check('prices.yml builds the command line', runs(job, 'cmake --build --preset native --target labcalc'));
  for (const repo of ['skypilot-org/skypilot-catalog', 'the-full-stack/the-full-stack-website', 'tgarg01/silybench-data'])
    check(`prices.yml fetches ${repo}`, runs(job, repo));
  // Every import goes into the catalog file, with a format the command knows, and one import per format.
  const imports = steps(job).flatMap((s) => text(s).split('\n')).filter((l) => l.includes('import "'));
  const formats = imports.map((l) => (l.match(/--format (\S+)/) || [])[1]);
  check('prices.yml imports each of the three formats', ['skypilot', 'per-gpu-hour', 'fsdl'].every((f) => formats.includes(f)));
  check('prices.yml uses only known formats', formats.length > 0 && formats.every((f) => ['skypilot', 'fsdl', 'per-gpu-hour'].includes(f)));
  check('prices.yml imports into assets/catalog.json', runs(job, 'labcalc catalog import --into assets/catalog.json'));
  check('prices.yml dates the tables that state no date', runs(job, '--as-of "$SKYPILOT_DATE"') && runs(job, '--as-of "$FSDL_DATE"'));
  const pr = steps(job).find((s) => typeof s.uses === 'string' && s.uses.startsWith('peter-evans/create-pull-request@'));
  check('prices.yml opens a pull request', !!pr);
  check('prices.yml puts the import summary in the pull request', pr && pr.with && pr.with['body-path'] === job.env.BODY);
  check('prices.yml commits only the catalog', pr && pr.with && pr.with['add-paths'] === 'assets/catalog.json');
  check('prices.yml opens the pull request after the import', pr && steps(job).indexOf(pr) > steps(job).findIndex((s) => text(s).includes('labcalc catalog import')));
}
console.log(`${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);
