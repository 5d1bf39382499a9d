/**
 * The custom-elements manifest (`custom-elements.json`): every element, its
 * attributes, properties, events, parts, slots and custom properties, read
 * from the classes and their doc comments. Tags are defined in the entries
 * (`src/ups-<name>.ts`) through our own `define()`, which the analyzer does
 * not know, so a plugin reads those calls and names each class's tag.
 */
import { readdirSync, readFileSync } from 'node:fs';

const tags = new Map(
  readdirSync('src')
    .filter((f) => /^ups-[a-z-]+\.ts$/.test(f))
    .flatMap((f) => {
      const match = /define\('([a-z-]+)', (\w+)\)/.exec(readFileSync(`src/${f}`, 'utf8'));
      return match ? [[match[2], match[1]]] : [];
    }),
);

/** Names the tag of each class an entry defines. */
function entryTags() {
  return {
    name: 'ups-entry-tags',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const tag = tags.get(declaration.name);
          if (!tag) continue;
          declaration.tagName = tag;
          declaration.customElement = true;
          module.exports = [
            ...(module.exports ?? []).filter((e) => e.kind !== 'custom-element-definition'),
            {
              kind: 'custom-element-definition',
              name: tag,
              declaration: { name: declaration.name, module: module.path },
            },
          ];
        }
      }
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts', 'src/context/billing-provider.ts', 'src/internal/billing-element.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  litelement: true,
  // package.json names the manifest itself; the analyzer would rewrite it to wherever it last wrote (a test's temp folder).
  packagejson: false,
  plugins: [entryTags()],
};
