// Runs deploy/Dockerfile's own steps without a container runtime: each stage gets a clean folder standing
// for its filesystem; COPY copies exactly what the Dockerfile names (from the repository, the build
// context, or from an earlier stage's folder), RUN runs in the stage's WORKDIR with its ENV, and the
// image's CMD and HEALTHCHECK are returned to run. Absolute paths (WORKDIR, ENV values) are mapped into
// the stage's folder. An instruction this runner does not know fails loudly, so the Dockerfile cannot
// grow a step this check silently skips.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface Instruction {
  op: string;
  args: string;
}

export interface Stage {
  name?: string;
  base: string;
  instructions: Instruction[];
}

/** The Dockerfile's stages and instructions (comments dropped, continuation lines joined). */
export function parseDockerfile(text: string): Stage[] {
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  const stages: Stage[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [, op = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (op.toUpperCase() === 'FROM') {
      const [base = '', , name] = args.split(/\s+/);
      stages.push({ base, name, instructions: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`${op} before FROM`);
      stage.instructions.push({ op: op.toUpperCase(), args });
    }
  }
  return stages;
}

export interface RanImage {
  /** The final stage's folder and WORKDIR inside it. */
  root: string;
  workdir: string;
  /** ENV of the final stage, absolute paths mapped into `root`. */
  env: Record<string, string>;
  cmd: string[];
  healthcheck: string[];
  user?: string;
  exposed: string[];
  /** Everything the RUN steps printed. */
  output: string;
}

const KNOWN = new Set(['WORKDIR', 'COPY', 'RUN', 'ENV', 'USER', 'EXPOSE', 'VOLUME', 'HEALTHCHECK', 'CMD']);

/** Runs every stage of `dockerfile` with `context` as the build context, each in `<scratch>/<stage index>`. */
export function runDockerfile(dockerfile: string, context: string, scratch: string, hostEnv: Record<string, string | undefined>): RanImage {
  const stages = parseDockerfile(readFileSync(dockerfile, 'utf8'));
  const roots = new Map<string, string>();
  let image: RanImage | undefined;
  for (const [index, stage] of stages.entries()) {
    const root = join(scratch, String(index));
    mkdirSync(root, { recursive: true });
    image = runStage(stage, { root, context, roots, hostEnv });
    if (stage.name) roots.set(stage.name, root);
  }
  if (!image) throw new Error('No stage in the Dockerfile');
  return image;
}

function runStage(stage: Stage, { root, context, roots, hostEnv }: { root: string; context: string; roots: Map<string, string>; hostEnv: Record<string, string | undefined> }): RanImage {
  const image: RanImage = { root, workdir: root, env: {}, cmd: [], healthcheck: [], exposed: [], output: '' };
  const inStage = (path: string) => (path.startsWith('/') ? join(root, path) : join(image.workdir, path));
  for (const { op, args } of stage.instructions) {
    if (!KNOWN.has(op)) throw new Error(`The Dockerfile runner does not know ${op}: teach it, so CI keeps running every step.`);
    if (op === 'WORKDIR') mkdirSync((image.workdir = inStage(args)), { recursive: true });
    if (op === 'ENV') {
      const [key = '', ...value] = args.split('=');
      const text = value.join('=');
      image.env[key] = text.startsWith('/') ? join(root, text) : text;
    }
    if (op === 'COPY') copy(args, { context, roots, to: inStage });
    if (op === 'RUN') {
      const ran = spawnSync('sh', ['-c', args], { cwd: image.workdir, env: { ...hostEnv, ...image.env }, encoding: 'utf8', timeout: 120_000 });
      image.output += `$ ${args}\n${ran.stdout}${ran.stderr}`;
      if (ran.status !== 0) throw new Error(`RUN ${args} failed (${ran.status ?? ran.error?.message}):\n${image.output}`);
    }
    if (op === 'USER') image.user = args;
    if (op === 'EXPOSE') image.exposed.push(...args.split(/\s+/));
    if (op === 'CMD') image.cmd = JSON.parse(args) as string[];
    if (op === 'HEALTHCHECK') image.healthcheck = JSON.parse(args.replace(/^.*?\bCMD\s+/, '')) as string[];
  }
  return image;
}

/** COPY [--from=stage] src... dest: a folder source ending in / copies its contents; files go into a dest ending in /. */
function copy(args: string, { context, roots, to }: { context: string; roots: Map<string, string>; to: (path: string) => string }): void {
  const words = args.split(/\s+/);
  const from = words[0]?.startsWith('--from=') ? words.shift()!.slice('--from='.length) : undefined;
  const dest = words.pop()!;
  const source = from ? roots.get(from) : context;
  if (!source) throw new Error(`COPY --from=${from}: no such stage`);
  for (const src of words) {
    const path = join(source, src);
    const target = statSync(path).isDirectory() || !dest.endsWith('/') ? to(dest) : join(to(dest), basename(src));
    cpSync(path, target, { recursive: true });
  }
}
