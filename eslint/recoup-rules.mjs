// Recoup's own lint rules, the boundaries of docs/architecture.md:
// - capability-boundaries: a capability (src/main/capabilities/<name>/) is used from outside its
//   folder only through its index.ts; a capability never reaches into the router, the
//   composition, or another capability's files.
// - no-sql-in-glue: the router, the composition and the handler maps hold no SQL: they call a
//   capability's services, which own their queries.
import path from 'node:path';

const CAPABILITIES = `${path.sep}src${path.sep}main${path.sep}capabilities${path.sep}`;

/** The capability a file belongs to, and the path inside it, or null. */
function capabilityOf(file) {
  const i = file.indexOf(CAPABILITIES);
  if (i < 0) return null;
  const rest = file.slice(i + CAPABILITIES.length).split(path.sep);
  if (rest.length === 1 && /^index(\.ts)?$/.test(rest[0])) return { name: null, inner: '' }; // the composition
  return { name: rest[0].replace(/\.ts$/, ''), inner: rest.slice(1).join('/') }; // 'plans' alone: its index
}

function isIndex(inner) {
  return inner === '' || inner === 'index' || inner === 'index.ts';
}

const capabilityBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Capabilities meet only through their index.ts.' },
    schema: [],
    messages: {
      internal:
        "'{{source}}' reaches into the {{target}} capability; import what it offers from '{{suggest}}' (its index.ts), or move the code.",
      upward: "A capability does not import '{{source}}': the router and the composition sit above every capability.",
    },
  },
  create(context) {
    const file = context.filename;
    const here = capabilityOf(file);
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(file), source);
      const target = capabilityOf(resolved);
      const inIpc = resolved.includes(`${path.sep}src${path.sep}main${path.sep}ipc`);
      const isComposition =
        resolved.endsWith(`${path.sep}src${path.sep}main${path.sep}compose`) ||
        (target !== null && target.name === null);
      if (here && here.name && (inIpc || isComposition)) {
        context.report({ node, messageId: 'upward', data: { source } });
        return;
      }
      if (!target || target.name === null) return;
      if (here && here.name === target.name) return;
      const inner = target.inner.replace(/\.ts$/, '');
      if (isIndex(inner)) return;
      const suggest = path
        .relative(path.dirname(file), resolved.slice(0, resolved.indexOf(target.name) + target.name.length))
        .split(path.sep)
        .join('/');
      context.report({
        node,
        messageId: 'internal',
        data: { source, target: target.name, suggest: suggest.startsWith('.') ? suggest : `./${suggest}` },
      });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

const SQL = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|ALTER|DROP|PRAGMA|REPLACE)\b/i;
const DB_METHODS = new Set(['prepare', 'exec', 'pragma']);

const noSqlInGlue = {
  meta: {
    type: 'problem',
    docs: { description: 'The router, the composition and handler maps hold no SQL.' },
    schema: [],
    messages: {
      sql: 'No SQL here: a handler calls a service of its capability, which owns its queries.',
    },
  },
  create(context) {
    const report = (node) => context.report({ node, messageId: 'sql' });
    return {
      Literal(node) {
        if (typeof node.value === 'string' && SQL.test(node.value)) report(node);
      },
      TemplateLiteral(node) {
        if (node.quasis.length > 0 && SQL.test(node.quasis[0].value.cooked ?? '')) report(node);
      },
      CallExpression(node) {
        const callee = node.callee;
        if (
          callee.type === 'MemberExpression' &&
          callee.property.type === 'Identifier' &&
          DB_METHODS.has(callee.property.name)
        )
          report(node);
      },
    };
  },
};

export default {
  meta: { name: 'recoup' },
  rules: { 'capability-boundaries': capabilityBoundaries, 'no-sql-in-glue': noSqlInGlue },
};
