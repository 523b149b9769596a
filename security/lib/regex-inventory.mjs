// Finds every regular expression in the packages' source (regex literals, `new RegExp(...)` and
// `RegExp(...)`), and the functions that use each one, with the TypeScript parser: a grep misses
// patterns built from strings and constants declared once and used elsewhere.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The repository root (this file lives in security/lib/). */
export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Source files that ship: `packages/<name>/src/**\/*.ts` without tests, type tests, `fixtures/` folders or generated code. */
export function shippedSourceFiles(root = repositoryRoot) {
  const files = [];
  const packagesDir = path.join(root, 'packages');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['generated', 'fixtures', 'testing', 'node_modules'].includes(entry.name)) walk(full);
      } else if (/\.ts$/.test(entry.name) && !/\.(?:test|test-d)\.ts$|\.d\.ts$/.test(entry.name)) {
        files.push(full);
      }
    }
  };
  for (const name of readdirSync(packagesDir).sort()) {
    const src = path.join(packagesDir, name, 'src');
    try {
      walk(src);
    } catch {
      // a package without src/ has no code to scan
    }
  }
  return files.sort();
}

function functionName(node) {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name) return node.name.getText();
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && node.parent) {
    const parent = node.parent;
    if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name.getText();
    if (ts.isCallExpression(parent)) return undefined; // a callback: the enclosing function is the user
  }
  return undefined;
}

/** The name of the nearest named function around `node`, or undefined at module scope. */
function enclosingFunction(node) {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) {
      const name = functionName(current);
      if (name) return name;
    }
  }
  return undefined;
}

function isRegExpConstruction(node) {
  return (ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp';
}

/** The module-level constant a regex is stored in (`const NAME = /…/` or `new RegExp(…)`), if any. */
function moduleConstant(node) {
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) && enclosingFunction(node) === undefined) return parent.name.text;
  return undefined;
}

/**
 * Every regex of the shipped source: `{ file, line, source, users }`, where `users` are the named
 * functions that run it (for a module-level constant: every function that refers to it).
 */
export function regexInventory(root = repositoryRoot) {
  const found = [];
  for (const file of shippedSourceFiles(root)) {
    const text = readFileSync(file, 'utf8');
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const regexes = [];
    const references = [];
    const visit = (node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral || isRegExpConstruction(node)) regexes.push(node);
      else if (ts.isIdentifier(node)) references.push(node);
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    const relative = path.relative(root, file).split(path.sep).join('/');
    for (const node of regexes) {
      const constant = moduleConstant(node);
      const users = new Set();
      if (constant === undefined) {
        users.add(enclosingFunction(node) ?? '(module scope)');
      } else {
        for (const reference of references) {
          if (reference.text !== constant || reference.parent === node.parent) continue;
          users.add(enclosingFunction(reference) ?? '(module scope)');
        }
      }
      found.push({
        file: relative,
        line: sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1,
        source: node.getText().replace(/\s+/g, ' ').slice(0, 120),
        constant,
        users: [...users].sort(),
      });
    }
  }
  return found;
}

/** `file#function` for every function that runs a regex. */
export function regexUsingFunctions(root = repositoryRoot) {
  const keys = new Set();
  for (const regex of regexInventory(root)) for (const user of regex.users) keys.add(`${regex.file}#${user}`);
  return [...keys].sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const regex of regexInventory()) console.log(`${regex.file}:${regex.line}  ${regex.source}  <- ${regex.users.join(', ')}`);
}
