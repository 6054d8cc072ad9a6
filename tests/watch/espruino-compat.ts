/**
 * Checks JavaScript for syntax and built-ins that Espruino 2v29 does not run
 * (../shared/notes/espruino-bangle.md), by parsing it with acorn and walking every node.
 */
import { parse, type Node } from 'acorn';
import { fullAncestor } from 'acorn-walk';

export interface Problem {
  rule: string;
  line: number;
  column: number;
}

const BANNED_GLOBALS = new Set(['Map', 'Set', 'Symbol', 'WeakMap', 'WeakSet']);
const TYPED = /^(Uint8|Int8|Uint16|Int16|Uint32|Int32|Float32|Float64|Uint8Clamped)Array$/;

type AnyNode = Node & Record<string, unknown>;

function ruleOf(node: AnyNode, parent: AnyNode | undefined): string | null {
  switch (node.type) {
    case 'AssignmentPattern':
      return 'default parameter';
    case 'ObjectPattern':
    case 'ArrayPattern':
      return 'destructuring';
    case 'SpreadElement':
    case 'RestElement':
      return 'spread/rest';
    case 'AwaitExpression':
      return 'async/await';
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      if (node.async) return 'async/await';
      if (node.generator) return 'generator (unverified on Espruino)';
      return null;
    case 'ChainExpression':
      return 'optional chaining';
    case 'BinaryExpression':
      return node.operator === '**' ? '**' : null;
    case 'AssignmentExpression':
      if (node.operator === '**=') return '**';
      if (node.operator === '||=' || node.operator === '&&=' || node.operator === '??=') return 'logical assignment (unverified on Espruino)';
      return null;
    case 'Property':
    case 'MethodDefinition':
      return node.computed ? 'computed key' : null;
    case 'PropertyDefinition':
    case 'PrivateIdentifier':
      return 'class field (unverified on Espruino)';
    case 'CatchClause':
      return node.param ? null : 'optional catch binding (unverified on Espruino)';
    case 'Literal':
      return typeof node.bigint === 'string' ? 'BigInt' : null;
    case 'NewExpression': {
      const callee = node.callee as AnyNode;
      // A minifier turns `new Uint8Array(0)` into `new Uint8Array`; Espruino wants an argument.
      if (callee.type === 'Identifier' && TYPED.test(callee.name as string) && (node.arguments as unknown[]).length === 0) return 'typed array without argument';
      return null;
    }
    case 'MemberExpression': {
      const o = node.object as AnyNode;
      const p = node.property as AnyNode;
      return !node.computed && o.type === 'Identifier' && o.name === 'Array' && p.name === 'from' ? 'Array.from' : null;
    }
    case 'Identifier': {
      if (!BANNED_GLOBALS.has(node.name as string)) return null;
      // Not a reference when it is a property name or an object key.
      if (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) return null;
      if (parent?.type === 'Property' && parent.key === node && !parent.computed) return null;
      return node.name as string;
    }
    default:
      return null;
  }
}

/** Every use of a form Espruino cannot run, with its place; [] when the code is safe. */
export function espruinoProblems(code: string): Problem[] {
  const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'script', locations: true });
  const out: Problem[] = [];
  fullAncestor(ast, (node, _state, ancestors) => {
    const rule = ruleOf(node as AnyNode, ancestors[ancestors.length - 2] as AnyNode | undefined);
    if (rule) out.push({ rule, line: node.loc!.start.line, column: node.loc!.start.column });
  });
  return out;
}
