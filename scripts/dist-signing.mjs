// What `npm run dist` can sign with, read from the environment only (README, "Releasing").
const has = (env, ...names) => names.every((name) => Boolean(env[name]));

/** The lines that say what an unsigned build lacks, for the platform it runs on; none if signed. */
export function unsignedWarnings(env, platform) {
  const warnings = [];
  if (platform === 'win32' && !(has(env, 'CSC_LINK') || has(env, 'WIN_CSC_LINK'))) {
    warnings.push('Windows: no CSC_LINK / WIN_CSC_LINK, so the installer is NOT signed.');
  }
  if (platform === 'darwin') {
    if (!has(env, 'CSC_LINK')) {
      warnings.push('macOS: no CSC_LINK, so the app is NOT signed (Gatekeeper refuses it).');
    }
    const notarise =
      has(env, 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER') ||
      has(env, 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID') ||
      has(env, 'APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE');
    if (!notarise) {
      warnings.push(
        'macOS: no APPLE_API_KEY or APPLE_ID credentials, so the app is NOT notarised.',
      );
    }
  }
  if (platform === 'linux') {
    warnings.push('Linux: AppImage and deb are not signed (their SHA-512 is in latest-linux.yml).');
  }
  return warnings;
}

/** The environment for electron-builder: without a certificate, no keychain identity is guessed. */
export function builderEnv(env, platform) {
  return platform === 'darwin' && !has(env, 'CSC_LINK')
    ? { ...env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' }
    : { ...env };
}
