// The test build's fixed extension id. Chrome derives an unpacked extension's id from its folder path
// unless the manifest carries a `key`; IT policy for an extension (Linux:
// /etc/chromium/policies/managed/*.json, "3rdparty" → "extensions" → "<id>") is keyed by that id, so the
// managed-settings end-to-end test needs one known in advance. wxt.config.ts adds the key in e2e mode
// only: the production build has none (the Chrome Web Store assigns the published id).
//
// The key is the base64 DER SubjectPublicKeyInfo of an RSA key made once for this purpose; its private
// half was never kept (nothing is signed with it: Chrome only hashes the public key into the id).

export const E2E_EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAq8aL08LEBjCb86Rba4bPjDnl7piF8iGW54dXZJUyupVvgSsagJLNexsHSOzjRYHJSD4nYOlpT939Mq1uJalOmWLwAwXWVeZN2dzli/MReyCeGeZnw05cbzL1iY2MtY9SI1tfELYWyUiJDGzIoyN/Jsmf92Of7OfaXbIqTamJd/UfJskH0jMOh/RGKt0anqICTIIEIc03VUkU+2X25K+BCCJwdx/mRsJwwuWrxl8SryXFW2QmW45/AimBGAXXLg9m1D7OMlnJw66qEqCgaXo8FTcEny51fcPZc3/ThzVdxlx+db2y3EEETnBCN8Ha3O12n70yfksXpej/H04v1vqIfQIDAQAB';

/** The first 128 bits of SHA-256(key), each hex digit written a–p (tests/unit/e2e-extension-key.test.ts checks it). */
export const E2E_EXTENSION_ID = 'mbneohhnfdfdjglllpegjbconiollagn';
