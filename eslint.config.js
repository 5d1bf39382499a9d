// Lint: TypeScript-aware recommended rules, plus the house's security rules:
// no raw-HTML sinks and no inline styles (the library must run under a strict CSP).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'storybook-static', '.data', 'coverage', 'custom-elements.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        console: 'readonly',
        process: 'readonly',
        customElements: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'lit/directives/unsafe-html.js',
              message: 'Raw HTML is an XSS sink: render data through templates.',
            },
            { name: 'lit/directives/unsafe-svg.js', message: 'Raw SVG is an XSS sink.' },
            { name: 'lit/static-html.js', message: 'unsafeStatic is an XSS sink.' },
            {
              name: 'lit/directives/style-map.js',
              message: 'styleMap writes style="…", which a strict CSP blocks: use classes and custom properties.',
            },
            // zod/mini only: full zod costs ~20 KB gzip more in the browser.
            { name: 'zod', message: "Import 'zod/mini'." },
            { name: 'zod/v4', message: "Import 'zod/mini'." },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Raw HTML is an XSS sink.' },
        { property: 'outerHTML', message: 'Raw HTML is an XSS sink.' },
        { property: 'insertAdjacentHTML', message: 'Raw HTML is an XSS sink.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TemplateLiteral > TemplateElement[value.raw=/style=/]',
          message: 'Inline style attributes break a strict CSP.',
        },
      ],
    },
  },
);
