/**
 * The card frame's page: one stylesheet and one module script, nothing
 * inline, so the frame's strict CSP holds. Pure, so that the server
 * (`build.ts`) and Storybook's copy of the frame (`.storybook/card-frame.ts`)
 * serve the same markup.
 */
export function cardFramePage(options: { lang: string; stylesheet: string; script: string }): string {
  return `<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Card details</title>
<link rel="stylesheet" href="${options.stylesheet}">
<script type="module" src="${options.script}"></script>
</head>
<body></body>
</html>`;
}
