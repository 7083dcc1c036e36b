// Source patches applied while bundling (scripts/build.mjs), for the hot paths of cli-table3, the
// table renderer: it measures every cell several times per draw (its layout, its truncation check,
// its padding, and twice per line in its strlen), each time through string-width, which strips
// ANSI codes and runs a large emoji RegExp over the text. Each patch keeps the module's answers the
// same (test/cli/bundle-patches.test.ts compares them) and throws when the module changed shape.
import fs from 'node:fs';

/** ansi-regex compiles a new RegExp on every call: a cached one per option, reset before each use. */
export function cachedAnsiRegex(source) {
  if (!source.includes('module.exports = ')) throw new Error('ansi-regex changed shape: review scripts/bundle-patches.mjs');
  return `${source.replace('module.exports = ', 'const make = ')}
const cache = new Map();
module.exports = (options = {}) => {
  const key = Boolean(options.onlyFirst);
  if (!cache.has(key)) cache.set(key, make(options));
  const re = cache.get(key);
  re.lastIndex = 0;
  return re;
};`;
}

const EMOJI_STEP = "string = string.replace(emojiRegex(), '  ');";

/**
 * string-width: the emoji RegExp runs only on text holding a code unit some emoji is made of
 * (every match of emoji-regex 8 holds one of these; digits, `#` and `*` only before U+FE0F), so
 * CJK and Latin text skips it; and answers are remembered (the same function of the same string),
 * so a cell is measured once per draw. The memory is bounded: past 10,000 strings it starts over.
 */
export function rememberedStringWidth(source) {
  if (!source.includes(EMOJI_STEP) || !source.includes('module.exports = stringWidth;') || !source.includes('module.exports.default = stringWidth;')) {
    throw new Error('string-width changed shape: review scripts/bundle-patches.mjs');
  }
  return source
    .replace(EMOJI_STEP, `if (/[\\u00A9\\u00AE\\u200D\\u203C-\\u2B55\\u3030\\u303D\\u3297\\u3299\\uD83C-\\uD83E\\uDB40\\uDC00-\\uDFFF\\uFE0F]/.test(string)) ${EMOJI_STEP}`)
    .replace(
      'module.exports = stringWidth;',
      `const MEASURED_MAX = 10000;
const measured = new Map();
const remembered = (string) => {
  if (typeof string !== 'string') return stringWidth(string);
  let width = measured.get(string);
  if (width === undefined) {
    if (measured.size >= MEASURED_MAX) measured.clear();
    measured.set(string, (width = stringWidth(string)));
  }
  return width;
};
module.exports = remembered;`,
    )
    .replace('module.exports.default = stringWidth;', 'module.exports.default = remembered;');
}

const FIRST_DEFINED = `function firstDefined(...args) {
  return args.filter((v) => v !== undefined && v !== null).shift();
}`;
const SET_OPTION = `function setOption(objA, objB, nameB, targetObj) {
  let nameA = nameB.split('-');
  if (nameA.length > 1) {
    nameA[1] = nameA[1].charAt(0).toUpperCase() + nameA[1].substr(1);
    nameA = nameA.join('');
    targetObj[nameA] = firstDefined(objA[nameA], objA[nameB], objB[nameA], objB[nameB]);
  } else {
    targetObj[nameB] = firstDefined(objA[nameB], objB[nameB]);
  }
}`;

const MERGE_CHARS = `    let optionsChars = this.options.chars || {};
    let tableChars = tableOptions.chars;
    let chars = (this.chars = {});
    CHAR_NAMES.forEach(function (name) {
      setOption(optionsChars, tableChars, name, chars);
    });`;

/**
 * cli-table3's cell.js merges its 16 border and padding options into every cell through
 * setOption, which splits and re-joins the option's name and filters a fresh array for each: the
 * same choice (the first value neither undefined nor null) without the garbage, names converted
 * once; and a cell without border characters of its own gets a copy of its table's, merged once
 * per table and draw.
 */
export function leanCellOptions(source) {
  if (!source.includes(FIRST_DEFINED) || !source.includes(SET_OPTION) || !source.includes(MERGE_CHARS)) {
    throw new Error('cli-table3 cell.js changed shape: review scripts/bundle-patches.mjs');
  }
  return source.replace(MERGE_CHARS, `    let optionsChars = this.options.chars;
    let tableChars = tableOptions.chars;
    let chars;
    if (optionsChars) {
      chars = {};
      CHAR_NAMES.forEach(function (name) {
        setOption(optionsChars, tableChars, name, chars);
      });
    } else {
      // the table's own, merged once per draw (cells is this draw's grid, shared by its cells)
      let merged = tableCharsOf.get(cells);
      if (!merged || merged.from !== tableChars) {
        merged = { from: tableChars, chars: {} };
        CHAR_NAMES.forEach(function (name) {
          setOption({}, tableChars, name, merged.chars);
        });
        tableCharsOf.set(cells, merged);
      }
      chars = Object.assign({}, merged.chars);
    }
    this.chars = chars;`).replace(FIRST_DEFINED, `function firstDefined(...args) {
  for (let i = 0; i < args.length; i++) if (args[i] !== undefined && args[i] !== null) return args[i];
  return undefined;
}`).replace(SET_OPTION, `const camelNames = new Map();
const tableCharsOf = new WeakMap();
function setOption(objA, objB, nameB, targetObj) {
  let nameA = camelNames.get(nameB);
  if (nameA === undefined) {
    const parts = nameB.split('-');
    nameA = parts.length > 1 ? parts[0] + parts[1].charAt(0).toUpperCase() + parts[1].substr(1) : '';
    camelNames.set(nameB, nameA);
  }
  if (nameA !== '') {
    targetObj[nameA] = firstDefined(objA[nameA], objA[nameB], objB[nameA], objB[nameB]);
  } else {
    targetObj[nameB] = firstDefined(objA[nameB], objB[nameB]);
  }
}`);
}

const patches = [
  { filter: /node_modules[\\/]ansi-regex[\\/]index\.js$/, patch: cachedAnsiRegex },
  { filter: /node_modules[\\/]string-width[\\/]index\.js$/, patch: rememberedStringWidth },
  { filter: /node_modules[\\/]cli-table3[\\/]src[\\/]cell\.js$/, patch: leanCellOptions },
];

/** The esbuild plugin that applies them. */
export const bundlePatches = {
  name: 'bundle-patches',
  setup(b) {
    for (const { filter, patch } of patches) {
      b.onLoad({ filter }, async (args) => ({ contents: patch(await fs.promises.readFile(args.path, 'utf8')), loader: 'js' }));
    }
  },
};
