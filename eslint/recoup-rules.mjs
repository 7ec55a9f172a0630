// Recoup's own lint rules, the boundaries of docs/architecture.md:
// - capability-boundaries: a capability (src/main/capabilities/<name>/) is used from outside its
//   folder only through its index.ts, and only by a capability above it (eslint/layers.mjs); a
//   capability never reaches into the router, the composition, or another capability's files.
// - no-sql-in-glue: the router, the composition and the handler maps hold no SQL: they call a
//   capability's services, which own their queries.
// - table-owner: each table is written by one module only (eslint/table-owners.mjs).
import path from 'node:path';
import { LAYERS } from './layers.mjs';
import { TABLE_OWNERS } from './table-owners.mjs';

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
      unlisted:
        'The {{missing}} capability is not listed in eslint/layers.mjs; add it there (after every capability whose index it imports) before capabilities use one another.',
      layer:
        'The {{here}} capability may not use {{target}}: {{target}} is not below it in eslint/layers.mjs (capabilities use only those below them, so there are no cycles).',
    },
  },
  create(context) {
    const file = context.filename;
    const here = capabilityOf(file);
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(file), source);
      // '..' from inside a capability is the capabilities folder itself: the composition.
      const target = resolved.endsWith(CAPABILITIES.slice(0, -1)) ? { name: null, inner: '' } : capabilityOf(resolved);
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
      if (isIndex(inner)) {
        // Fail closed: a capability missing from LAYERS may neither import nor be imported.
        const from = here && here.name ? LAYERS.indexOf(here.name) : -2;
        const to = LAYERS.indexOf(target.name);
        if (from !== -2 && (from === -1 || to === -1)) {
          const missing = from === -1 ? here.name : target.name;
          context.report({ node, messageId: 'unlisted', data: { missing } });
        } else if (from !== -2 && to >= from)
          context.report({ node, messageId: 'layer', data: { here: here.name, target: target.name } });
        return;
      }
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

// SQL is written in capitals here; prose that starts with "Select" or "Update" is not SQL.
const SQL = /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|ALTER|DROP|PRAGMA|REPLACE)\s/;
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

// (An upsert's `DO UPDATE SET` writes the table its INSERT names.)
const WRITE = /\b(?:INSERT(?:\s+OR\s+[A-Z]+)?\s+INTO|REPLACE\s+INTO|(?<!\bDO\s+)UPDATE|DELETE\s+FROM)\s+([a-z_]+)/gi;

const tableOwner = {
  meta: {
    type: 'problem',
    docs: { description: 'Each table is written by its one owner module.' },
    schema: [],
    messages: {
      notOwner: 'Only {{owner}} writes the {{table}} table; call its functions instead of writing it here.',
      unknown: 'The {{table}} table has no owner in eslint/table-owners.mjs; name the module that writes it.',
    },
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    function check(node, text) {
      for (const m of text.matchAll(WRITE)) {
        const table = m[1].toLowerCase();
        const owner = TABLE_OWNERS[table];
        if (owner === undefined) context.report({ node, messageId: 'unknown', data: { table } });
        else if (owner !== file) context.report({ node, messageId: 'notOwner', data: { table, owner } });
      }
    }
    return {
      Literal(node) {
        if (typeof node.value === 'string') check(node, node.value);
      },
      TemplateLiteral(node) {
        check(node, node.quasis.map((q) => q.value.cooked ?? '').join(' '));
      },
    };
  },
};

export default {
  meta: { name: 'recoup' },
  rules: {
    'capability-boundaries': capabilityBoundaries,
    'no-sql-in-glue': noSqlInGlue,
    'table-owner': tableOwner,
  },
};
