// A rule of the codebase: no function in lib/ or server/ is longer than 80 lines. Long functions are
// where rules get repeated and cases get missed; this keeps them split as Baton grows.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const MAX_LINES = 80;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every function with a body, its length in lines, longest first. */
export function functionLengths(dirs: readonly string[]): { where: string; lines: number }[] {
  const found: { where: string; lines: number }[] = [];
  for (const file of dirs.flatMap((d) => sourceFiles(join(ROOT, d)))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        found.push({ where: `${relative(ROOT, file)}:${first + 1}`, lines: last - first + 1 });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found.sort((a, b) => b.lines - a.lines);
}

describe('function length', () => {
  it(`keeps every function in lib/ and server/ at ${MAX_LINES} lines or fewer`, () => {
    const lengths = functionLengths(['lib', 'server']);
    expect(lengths.length).toBeGreaterThan(100);
    expect(lengths.filter((f) => f.lines > MAX_LINES)).toEqual([]);
  });
});
