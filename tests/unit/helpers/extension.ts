/** The fake browser's extension id, and a message sender that is one of Baton's own pages. */
export const RUNTIME_ID = 'test-extension-id';
export const ORIGIN = `chrome-extension://${RUNTIME_ID}/`;
export const OPTIONS_PAGE = { id: RUNTIME_ID, url: `${ORIGIN}options.html` };
